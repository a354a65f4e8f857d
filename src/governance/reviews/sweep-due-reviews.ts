import { experimentReview } from '../experiments/experiment-review.js';
import type { GovernanceContext } from '../governance-context.js';
import type { TensionService } from '../tensions/tension-service.js';

/** What a sweep raised. */
export interface DueReviews {
  agreements: number;
  experiments: number;
  decisions: number;
}

/**
 * Raises a tension for each agreement whose review date has come, each running experiment (decided or a cell's
 * own) and each decision whose review date has come, so they reach the agenda like any tension; an agreement
 * review whose date moved is resolved. Each is raised once: the detector subject names the date (agreements) or the record, and
 * `count: false` leaves an existing one alone.
 */
export async function sweepDueReviews(ctx: GovernanceContext, tensions: TensionService): Promise<DueReviews> {
  const today = ctx.now().toISOString().slice(0, 10);
  const repos = ctx.read();
  const out: DueReviews = { agreements: 0, experiments: 0, decisions: 0 };
  const raised = (r: { action: string }) => r.action === 'raised';

  const agreements = await repos.store.manifests.current('Agreement');
  // An agreement whose review date moved (a new version) or that is gone no longer waits for that review.
  for (const tension of await repos.tensions.ofDetector('agreement-review', ['open', 'scheduled'])) {
    const [, name, date] = /^agreement:(.+)@(\d{4}-\d{2}-\d{2})$/.exec(tension.subject ?? '') ?? [];
    const current = agreements.find((v) => v.name === name)?.manifest;
    const reviewDate = current?.kind === 'Agreement' ? current.spec.reviewDate : undefined;
    if (name && reviewDate !== date) {
      await tensions.resolveDetected(
        'agreement-review',
        tension.subject!,
        current ? `agreement ${name} now has review date ${reviewDate ?? 'none'}` : `agreement ${name} was removed`,
      );
    }
  }

  for (const version of agreements) {
    const agreement = version.manifest;
    if (agreement.kind !== 'Agreement' || !agreement.spec.reviewDate || agreement.spec.reviewDate > today) continue;
    const { provider, consumer, reviewDate } = agreement.spec;
    const result = await tensions.raiseDetected(
      {
        detector: 'agreement-review',
        subject: `agreement:${agreement.metadata.name}@${reviewDate}`,
        title: `Agreement ${agreement.metadata.name} (${provider} → ${consumer}) is due for review since ${reviewDate}`,
        type: ctx.options.detectorTypes['agreement-review'],
        cells: [provider, consumer],
        severity: 'low',
        observedAt: `${reviewDate}T00:00:00.000Z`,
        evidence: [{ kind: 'agreement', ref: agreement.metadata.name, note: `version ${version.version}` }],
      },
      { count: false },
    );
    if (raised(result)) out.agreements++;
  }

  for (const experiment of await repos.records.experiments({ state: 'running', dueBy: today })) {
    const result = await tensions.raiseDetected(await experimentReview(ctx, repos, experiment), { count: false });
    if (raised(result)) out.experiments++;
  }

  for (const decision of await repos.records.decisions({ dueBy: today })) {
    if (decision.outcome === 'experiment' || !decision.reviewDate) continue;
    const origin = await repos.tensions.get(decision.tensionId);
    const result = await tensions.raiseDetected(
      {
        detector: 'decision-review',
        subject: `decision:${decision.id}`,
        title: `Decision ${decision.id} on ${origin.id} (${decision.outcome}) is due for review`,
        description: `Rationale then: ${decision.rationale}`,
        type: origin.type,
        cells: origin.cells,
        severity: 'low',
        observedAt: `${decision.reviewDate}T00:00:00.000Z`,
        evidence: [{ kind: 'decision', ref: decision.id }],
      },
      { count: false },
    );
    if (raised(result)) out.decisions++;
  }
  return out;
}

import type { Experiment, Evidence } from '../../model/index.js';
import { MAX_EVIDENCE } from '../tensions/evidence.js';
import type { GovernanceContext, GovernanceRepos } from '../governance-context.js';
import type { DetectedInput } from '../tensions/raise-input.js';

/** The longest tension title (see checkRaise); a long move is cut to fit rather than failing the sweep. */
const MAX_TITLE = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The tension that brings a running experiment back to the review on its review date. A decided experiment comes
 * back with its tension's type and cells; a cell's own experiment involves that cell only, with the type the options
 * name for `experiment-review`, and carries the evidence it started from (the recommendation first).
 */
export async function experimentReview(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  experiment: Experiment,
): Promise<DetectedInput> {
  const origin = experiment.tensionId ? await repos.tensions.get(experiment.tensionId) : undefined;
  const about = origin ? `on ${origin.id}` : `of cell:${experiment.cell}`;
  const own: Evidence[] = [
    { kind: 'experiment', ref: experiment.id, note: experiment.metric },
    ...(experiment.decisionId ? [{ kind: 'decision' as const, ref: experiment.decisionId }] : []),
  ];
  const seen = new Set(own.map((e) => `${e.kind}:${e.ref}`));
  const carried = (experiment.evidence ?? []).filter((e) => !seen.has(`${e.kind}:${e.ref}`));
  return {
    detector: 'experiment-review',
    subject: `experiment:${experiment.id}`,
    title: clip(`Experiment ${experiment.id} ${about} is due for review: ${experiment.move}`, MAX_TITLE),
    description:
      `${experiment.title ? `${experiment.title}. ` : ''}Metric to watch: ${experiment.metric}. ` +
      'Decide whether to keep the move (change an agreement or add a guardrail), try again, or drop it; record the result.',
    type: origin?.type ?? ctx.options.detectorTypes['experiment-review'],
    cells: origin?.cells ?? (experiment.cell ? [experiment.cell] : []),
    observedAt: `${experiment.reviewDate}T00:00:00.000Z`,
    evidence: [...own, ...carried].slice(0, MAX_EVIDENCE),
  };
}

import { MANIFEST_APPLIED, type BatchOutcome } from '../../engine/index.js';
import { buildOrgModel, runLintRules, type LintRule } from '../../manifests/index.js';
import type { CloudEvent, StoredEvent } from '../../model/index.js';
import { errorMessage, isCelloError } from '../../shared/index.js';
import type { Repositories } from '../../store/index.js';
import { reposOf, type GovernanceContext, type GovernanceRepos } from '../governance-context.js';
import { recordDetected, resolveDetectedIn } from '../tensions/detected-tension.js';
import type { DetectedInput } from '../tensions/raise-input.js';
import { BOUNDARY_LINT, lintFindingTensions } from './boundary-lint-detector.js';
import { DEAD_LETTERED, deadLetterTension } from './dead-letter-detector.js';
import { createGuardrailDetector } from './guardrail-detector.js';

/**
 * The port other components (workflows, insights) raise tensions through without importing governance: a system
 * event of this type whose data is a DetectedInput ({detector, subject, title, type, cells, …}).
 */
export const TENSION_DETECTED = 'dev.cello.tension.detected';

/** The detectors that read the log: what they read, each batch inside its transaction, and the start-up lint. */
export interface LogDetectors {
  /** The types the detectors read; every type while a guardrail targets events. */
  types(): readonly string[] | undefined;
  /** Dead letters, `tension.detected`, guardrails on events, lint on apply: one batch, in its transaction. */
  handle(events: readonly StoredEvent[], tx: Repositories): Promise<BatchOutcome>;
  /** Lints the organization applied now (start-up: it may have been applied while no server ran). */
  lint(options: { count: boolean }): Promise<void>;
}

/** The detectors of governance's log consumer: dead letters, guardrails on events, lint on apply, the port. */
export function createLogDetectors(ctx: GovernanceContext, lintRules?: readonly LintRule[]): LogDetectors {
  const guardrails = createGuardrailDetector(ctx.runtime.logger);
  const log = ctx.runtime.logger;
  const lockRows = ctx.runtime.store.capabilities.sharedByProcesses;

  /** One report into the batch's transaction; a report the detector got wrong is logged, not fatal to the batch. */
  async function report(
    repos: GovernanceRepos,
    input: DetectedInput,
    events: CloudEvent[],
    options: { count?: boolean } = {},
  ): Promise<void> {
    try {
      events.push(...(await recordDetected(ctx, repos, input, options)).events);
    } catch (error) {
      // A domain error is found before anything is written; a database error fails (and retries) the whole batch.
      if (!isCelloError(error)) throw error;
      log.error(
        { err: error, detector: input.detector, subject: input.subject },
        `raising a detected tension failed: ${errorMessage(error)}`,
      );
    }
  }

  /**
   * Each finding raises or refreshes its tension; a finding that is gone resolves its tension while nobody has
   * decided it yet (the apply that removed the cause was the decision).
   */
  async function lint(repos: GovernanceRepos, options: { count: boolean; applySeq?: number }): Promise<CloudEvent[]> {
    const events: CloudEvent[] = [];
    const model = buildOrgModel((await repos.store.manifests.current()).map((v) => v.manifest));
    const findings = runLintRules(model, { now: ctx.now() }, lintRules);
    const inputs = lintFindingTensions(
      findings,
      model,
      ctx.options.detectorTypes['boundary-lint'],
      ctx.options.lintRulesIgnored,
    );
    const present = new Set(inputs.map((i) => i.subject));
    for (const input of inputs) await report(repos, input, events, { count: options.count });
    for (const tension of await repos.tensions.ofDetector(BOUNDARY_LINT, ['open', 'scheduled'])) {
      if (!tension.subject || present.has(tension.subject)) continue;
      const reason = `the finding is gone${options.applySeq ? ` after the apply recorded as event #${options.applySeq}` : ''}`;
      events.push(...(await resolveDetectedIn(ctx, repos, BOUNDARY_LINT, tension.subject, reason)).events);
    }
    return events;
  }

  async function detect(repos: GovernanceRepos, event: StoredEvent, events: CloudEvent[]): Promise<void> {
    if (event.type === DEAD_LETTERED) {
      const seq = Number((event.data as { eventSeq?: unknown } | undefined)?.eventSeq);
      const original = Number.isSafeInteger(seq) ? await repos.store.events.get(seq) : undefined;
      const input = deadLetterTension(
        event,
        original,
        (type) => ctx.runtime.org().ownerOfType(type),
        ctx.options.detectorTypes['dead-letters'],
      );
      if (input) await report(repos, input, events);
    } else if (event.type === TENSION_DETECTED && event.source.startsWith('/cello/')) {
      const data = event.data as DetectedInput | undefined;
      if (data && typeof data.detector === 'string' && typeof data.subject === 'string')
        await report(repos, data, events);
      else log.warn({ id: event.id }, `${TENSION_DETECTED} without detector and subject is ignored`);
    }
  }

  return {
    types: () =>
      guardrails.active(ctx.runtime.org()) ? undefined : [DEAD_LETTERED, TENSION_DETECTED, MANIFEST_APPLIED],
    async handle(batch, tx) {
      const repos = reposOf(tx, lockRows);
      const events: CloudEvent[] = [];
      for (const event of batch) await detect(repos, event, events);
      const org = ctx.runtime.org();
      for (const input of guardrails.check(batch, org, ctx.options.detectorTypes.guardrail, ctx.now()))
        await report(repos, input, events);
      const applied = batch.filter((e) => e.type === MANIFEST_APPLIED);
      if (applied.length > 0) events.push(...(await lint(repos, { count: true, applySeq: applied.at(-1)!.seq })));
      return { events };
    },
    lint: (options) => ctx.record(async (repos) => ({ result: undefined, events: await lint(repos, options) })),
  };
}

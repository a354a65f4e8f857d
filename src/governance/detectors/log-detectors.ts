import type { BatchOutcome } from '../../engine/index.js';
import { buildOrgModel, runLintRules, type LintRule } from '../../manifests/index.js';
import {
  CELLO_SOURCE_PREFIX,
  DeliveryDeadLettered,
  ManifestApplied,
  parseCelloEvent,
  TensionDetected,
  type CloudEvent,
  type StoredEvent,
} from '../../model/index.js';
import { errorMessage, isCelloError } from '../../shared/index.js';
import type { Repositories } from '../../store/index.js';
import { reposOf, type GovernanceContext, type GovernanceRepos } from '../governance-context.js';
import { recordDetected, resolveDetectedIn } from '../tensions/detected-tension.js';
import type { DetectedInput } from '../tensions/raise-input.js';
import { BOUNDARY_LINT, lintFindingTensions } from './boundary-lint-detector.js';
import { deadLetterTension } from './dead-letter-detector.js';
import { createGuardrailDetector } from './guardrail-detector.js';

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
    if (event.type !== DeliveryDeadLettered && event.type !== TensionDetected) return;
    // The port takes reports from Cello's own components only (a cell may not publish its types anyway).
    if (event.type === TensionDetected && !event.source.startsWith(CELLO_SOURCE_PREFIX)) return;
    const parsed = parseCelloEvent(event);
    if (!parsed.ok) {
      log.warn({ id: event.id, seq: event.seq }, `${parsed.problem} The event is ignored.`);
    } else if (parsed.type === DeliveryDeadLettered) {
      const original = await repos.store.events.get(parsed.data.eventSeq);
      const input = deadLetterTension(
        event,
        parsed.data,
        original,
        (type) => ctx.runtime.org().ownerOfType(type),
        ctx.options.detectorTypes['dead-letters'],
      );
      await report(repos, input, events);
    } else if (parsed.type === TensionDetected) {
      await report(repos, parsed.data, events);
    }
  }

  return {
    types: () =>
      guardrails.active(ctx.runtime.org()) ? undefined : [DeliveryDeadLettered, TensionDetected, ManifestApplied],
    async handle(batch, tx) {
      const repos = reposOf(tx, lockRows);
      const events: CloudEvent[] = [];
      for (const event of batch) await detect(repos, event, events);
      const org = ctx.runtime.org();
      for (const input of guardrails.check(batch, org, ctx.options.detectorTypes.guardrail, ctx.now()))
        await report(repos, input, events);
      const applied = batch.filter((e) => e.type === ManifestApplied);
      if (applied.length > 0) events.push(...(await lint(repos, { count: true, applySeq: applied.at(-1)!.seq })));
      return { events };
    },
    lint: (options) => ctx.record(async (repos) => ({ result: undefined, events: await lint(repos, options) })),
  };
}

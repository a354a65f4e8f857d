import { MANIFEST_APPLIED } from '../../engine/index.js';
import { buildOrgModel, runLintRules, type LintRule } from '../../manifests/index.js';
import type { StoredEvent } from '../../model/index.js';
import { errorMessage } from '../../shared/index.js';
import { BOUNDARY_LINT, lintFindingTensions } from './boundary-lint-detector.js';
import { DEAD_LETTERED, deadLetterTension } from './dead-letter-detector.js';
import type { GovernanceContext } from '../governance-context.js';
import { createGuardrailDetector } from './guardrail-detector.js';
import type { DetectedInput } from '../tensions/raise-input.js';
import type { TensionService } from '../tensions/tension-service.js';

/**
 * The port other components (workflows, insights) raise tensions through without importing governance: a system
 * event of this type whose data is a DetectedInput ({detector, subject, title, type, cells, …}).
 */
export const TENSION_DETECTED = 'dev.cello.tension.detected';

/** The detectors that read the feed of committed events: dead letters, guardrails on events, lint on apply, the port. */
export function createFeedDetectors(ctx: GovernanceContext, tensions: TensionService, lintRules?: readonly LintRule[]) {
  const guardrails = createGuardrailDetector(ctx.runtime.logger);
  const log = ctx.runtime.logger;

  async function report(input: DetectedInput): Promise<void> {
    try {
      await tensions.raiseDetected(input);
    } catch (error) {
      log.error(
        { err: error, detector: input.detector, subject: input.subject },
        `raising a detected tension failed: ${errorMessage(error)}`,
      );
    }
  }

  /**
   * Lints the applied organization: each finding raises or refreshes its tension; a finding that is gone resolves
   * its tension while nobody has decided it yet (the apply that removed the cause was the decision).
   */
  async function lint(options: { count: boolean; applySeq?: number }): Promise<void> {
    const current = (await ctx.runtime.store.manifests.current()).map((v) => v.manifest);
    const model = buildOrgModel(current);
    const findings = runLintRules(model, { now: ctx.now() }, lintRules);
    const inputs = lintFindingTensions(
      findings,
      model,
      ctx.options.detectorTypes['boundary-lint'],
      ctx.options.lintRulesIgnored,
    );
    const present = new Set(inputs.map((i) => i.subject));
    for (const input of inputs) {
      try {
        await tensions.raiseDetected(input, { count: options.count });
      } catch (error) {
        log.error({ err: error, subject: input.subject }, 'raising a boundary-lint tension failed');
      }
    }
    const waiting = await ctx.read().tensions.ofDetector(BOUNDARY_LINT, ['open', 'scheduled']);
    for (const tension of waiting) {
      if (tension.subject && !present.has(tension.subject)) {
        const reason = `the finding is gone${options.applySeq ? ` after the apply recorded as event #${options.applySeq}` : ''}`;
        await tensions.resolveDetected(BOUNDARY_LINT, tension.subject, reason);
      }
    }
  }

  return {
    lint,
    /** Handles one batch from the feed; called one batch at a time, in log order. */
    async handle(events: readonly StoredEvent[]): Promise<void> {
      const applied = events.filter((e) => e.type === MANIFEST_APPLIED);
      for (const event of events) {
        if (event.type === DEAD_LETTERED) {
          const seq = Number((event.data as { eventSeq?: unknown } | undefined)?.eventSeq);
          const original = Number.isSafeInteger(seq) ? await ctx.runtime.store.events.get(seq) : undefined;
          const input = deadLetterTension(
            event,
            original,
            (type) => ctx.runtime.org().ownerOfType(type),
            ctx.options.detectorTypes['dead-letters'],
          );
          if (input) await report(input);
        } else if (event.type === TENSION_DETECTED && event.source.startsWith('/cello/')) {
          const data = event.data as DetectedInput | undefined;
          if (data && typeof data.detector === 'string' && typeof data.subject === 'string') await report(data);
          else log.warn({ id: event.id }, `${TENSION_DETECTED} without detector and subject is ignored`);
        }
      }
      for (const input of guardrails.check(events, ctx.runtime.org(), ctx.options.detectorTypes.guardrail, ctx.now()))
        await report(input);
      if (applied.length > 0) await lint({ count: true, applySeq: applied[applied.length - 1]!.seq });
    },
  };
}

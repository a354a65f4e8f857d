import { buildOrgModel, runLintRules } from '../../manifests/index.js';
import {
  CELLO_SOURCE_PREFIX,
  DeliveryDeadLettered,
  ManifestApplied,
  parseCelloEvent,
  TensionDetected,
  type StoredEvent,
} from '../../model/index.js';
import { errorMessage } from '../../shared/index.js';
import { BOUNDARY_LINT, lintFindingTensions } from './boundary-lint-detector.js';
import { deadLetterTension } from './dead-letter-detector.js';
import type { GovernanceContext } from '../governance-context.js';
import { createGuardrailDetector } from './guardrail-detector.js';
import type { DetectedInput } from '../tensions/raise-input.js';
import type { TensionService } from '../tensions/tension-service.js';

/** The detectors that read the feed of committed events: dead letters, guardrails on events, lint on apply, the port. */
export function createFeedDetectors(ctx: GovernanceContext, tensions: TensionService) {
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
    const findings = runLintRules(model, { now: ctx.now() });
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
      const applied = events.filter((e) => e.type === ManifestApplied);
      for (const event of events) {
        if (event.type !== DeliveryDeadLettered && event.type !== TensionDetected) continue;
        // The port takes reports from Cello's own components only (a cell may not publish its types anyway).
        if (event.type === TensionDetected && !event.source.startsWith(CELLO_SOURCE_PREFIX)) continue;
        const parsed = parseCelloEvent(event);
        if (!parsed.ok) {
          log.warn({ id: event.id, seq: event.seq }, `${parsed.problem} The event is ignored.`);
        } else if (parsed.type === DeliveryDeadLettered) {
          const original = await ctx.runtime.store.events.get(parsed.data.eventSeq);
          const input = deadLetterTension(
            event,
            parsed.data,
            original,
            (type) => ctx.runtime.org().ownerOfType(type),
            ctx.options.detectorTypes['dead-letters'],
          );
          await report(input);
        } else if (parsed.type === TensionDetected) {
          await report(parsed.data);
        }
      }
      for (const input of guardrails.check(events, ctx.runtime.org(), ctx.options.detectorTypes.guardrail, ctx.now()))
        await report(input);
      if (applied.length > 0) await lint({ count: true, applySeq: applied[applied.length - 1]!.seq });
    },
  };
}

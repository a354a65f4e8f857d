import { celEventView, type OrgView } from '../../engine/index.js';
import {
  compileExpression,
  eventTime,
  isCelloEventType,
  matchesTypePattern,
  type CompiledExpression,
  type ManifestOf,
  type StoredEvent,
} from '../../model/index.js';
import type { Logger } from '../../shared/index.js';
import type { DetectedInput } from '../tensions/raise-input.js';

interface CompiledGuardrail {
  manifest: ManifestOf<'Guardrail'>;
  expression: CompiledExpression;
}

/** How many violating events one tension report carries as evidence. */
const EVIDENCE_PER_REPORT = 5;

/**
 * Checks committed events against the guardrails that target events (compiled once per apply). An expression
 * that is false is a violation; one per guardrail and offering cell becomes a tension, each violating event an
 * occurrence. Cello's own events (those of the event catalogue) are not checked, so a tension cannot feed on itself.
 */
export function createGuardrailDetector(logger: Logger) {
  let compiledFor: OrgView | undefined;
  let guardrails: CompiledGuardrail[] = [];

  function compile(org: OrgView): CompiledGuardrail[] {
    if (compiledFor === org) return guardrails;
    compiledFor = org;
    guardrails = [];
    for (const manifest of org.byKind('Guardrail')) {
      if (manifest.spec.target !== 'events') continue;
      try {
        guardrails.push({
          manifest,
          expression: compileExpression(manifest.spec.expression, {
            variables: ['event'],
            where: `Guardrail/${manifest.metadata.name} spec.expression`,
          }),
        });
      } catch (error) {
        logger.warn(
          { err: error, guardrail: manifest.metadata.name },
          'a guardrail on events does not compile; `cello validate` reports it',
        );
      }
    }
    return guardrails;
  }

  return {
    /** Whether a guardrail of `org` targets events: then the detector reads every event. */
    active: (org: OrgView): boolean => compile(org).length > 0,
    /** The tension reports for one batch of committed events. */
    check(events: readonly StoredEvent[], org: OrgView, tensionType: string, now: Date): DetectedInput[] {
      const active = compile(org);
      if (active.length === 0) return [];
      const reports = new Map<string, { input: DetectedInput; count: number }>();
      for (const event of events) {
        if (isCelloEventType(event.type)) continue;
        for (const { manifest, expression } of active) {
          const patterns = manifest.spec.eventTypes;
          if (patterns && !patterns.some((p) => matchesTypePattern(event.type, p))) continue;
          let holds: boolean;
          try {
            holds = expression.evaluateBoolean({ event: celEventView(event) });
          } catch {
            continue; // a guardrail that cannot read this event says nothing about it
          }
          if (holds) continue;
          const owner = org.ownerOfType(event.type);
          const subject = `guardrail:${manifest.metadata.name}/${owner ? `cell:${owner}` : 'unowned'}`;
          const seenAt = Math.min(Date.parse(eventTime(event)) || now.getTime(), now.getTime());
          const evidence = { kind: 'event' as const, ref: String(event.seq), note: `${event.type} ${event.id}` };
          const report = reports.get(subject);
          if (report) {
            report.count++;
            if (report.input.evidence!.length < EVIDENCE_PER_REPORT) report.input.evidence!.push(evidence);
            continue;
          }
          reports.set(subject, {
            count: 1,
            input: {
              detector: 'guardrail',
              subject,
              title: `Guardrail ${manifest.metadata.name} is violated by ${event.type} events${owner ? ` of cell:${owner}` : ''}`,
              description: `${manifest.spec.message} (${manifest.spec.action}: ${manifest.spec.expression})`,
              type: tensionType,
              cells: owner ? [owner] : [],
              severity: manifest.spec.action === 'deny' ? 'high' : 'medium',
              observedAt: new Date(seenAt).toISOString(),
              evidence: [evidence],
            },
          });
        }
      }
      return [...reports.values()].map(({ input, count }) => ({ ...input, occurrences: count }));
    },
  };
}

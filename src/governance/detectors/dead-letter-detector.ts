import { eventTime, type DeliveryDeadLettered, type EventData, type StoredEvent } from '../../model/index.js';
import type { DetectedInput } from '../tensions/raise-input.js';

/**
 * The tension a dead letter raises: one per subscription (its dead letters count as occurrences), involving the
 * subscribing cell and the cell that offers the undelivered event's type, observed when that event was recorded.
 */
export function deadLetterTension(
  deadLetter: StoredEvent,
  data: EventData<typeof DeliveryDeadLettered>,
  original: StoredEvent | undefined,
  ownerOfType: (type: string) => string | undefined,
  tensionType: string,
): DetectedInput {
  const subscriber = data.cell?.replace(/^cell:/, '');
  const owner = original ? ownerOfType(original.type) : undefined;
  const cells = [...new Set([subscriber, owner].filter((c): c is string => Boolean(c)))];
  const why = data.lastStatusCode
    ? `the last answer was ${data.lastStatusCode}`
    : data.lastError
      ? `the last attempt failed: ${data.lastError}`
      : 'every attempt failed';
  return {
    detector: 'dead-letters',
    subject: `subscription:${data.subscription}`,
    title: `Deliveries of subscription ${data.subscription}${original ? ` (${original.type})` : ''} are dead-lettered`,
    description: `A webhook delivery to ${data.target} ran out of attempts (${data.attempts}); ${why}. Replay with \`cello replay --dead-letters --subscription ${data.subscription}\` once fixed.`,
    type: tensionType,
    cells,
    severity: 'high',
    observedAt: original ? original.recordedAt : eventTime(deadLetter),
    evidence: [
      { kind: 'delivery', ref: data.delivery, note: `${data.attempts} attempt(s), ${why}` },
      ...(original
        ? [{ kind: 'event' as const, ref: String(original.seq), note: `${original.type} ${original.id}` }]
        : []),
    ],
  };
}

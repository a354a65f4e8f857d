import { eventTime, type StoredEvent } from '../../model/index.js';
import type { DetectedInput } from '../tensions/raise-input.js';

/** The event the delivery worker appends when a webhook delivery runs out of attempts. */
export const DEAD_LETTERED = 'dev.cello.delivery.dead-lettered';

interface DeadLetterData {
  delivery?: string;
  subscription?: string;
  cell?: string;
  eventSeq?: number;
  target?: string;
  attempts?: number;
  lastStatusCode?: number | null;
  lastError?: string | null;
}

/**
 * The tension a dead letter raises: one per subscription (its dead letters count as occurrences), involving the
 * subscribing cell and the cell that offers the undelivered event's type, observed when that event was recorded.
 */
export function deadLetterTension(
  deadLetter: StoredEvent,
  original: StoredEvent | undefined,
  ownerOfType: (type: string) => string | undefined,
  tensionType: string,
): DetectedInput | undefined {
  const data = (deadLetter.data ?? {}) as DeadLetterData;
  if (!data.subscription) return undefined;
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
    description: `A webhook delivery to ${data.target ?? 'its target'} ran out of attempts (${data.attempts ?? '?'}); ${why}. Replay with \`cello replay --dead-letters --subscription ${data.subscription}\` once fixed.`,
    type: tensionType,
    cells,
    severity: 'high',
    observedAt: original ? original.recordedAt : eventTime(deadLetter),
    evidence: [
      { kind: 'delivery', ref: data.delivery ?? deadLetter.id, note: `${data.attempts ?? '?'} attempt(s), ${why}` },
      ...(original
        ? [{ kind: 'event' as const, ref: String(original.seq), note: `${original.type} ${original.id}` }]
        : []),
    ],
  };
}

import type { CloudEvent, Recommendation } from '../../model/index.js';
import { newId } from '../../shared/index.js';

/** Every event recommendations append; subject = the recommendation id, extension `cell` = the cell addressed. */
export const RECOMMENDATION_EVENTS = {
  made: 'dev.cello.recommendation.made',
  updated: 'dev.cello.recommendation.updated',
  accepted: 'dev.cello.recommendation.accepted',
  dismissed: 'dev.cello.recommendation.dismissed',
  withdrawn: 'dev.cello.recommendation.withdrawn',
} as const;

export const INSIGHTS_SOURCE = '/cello/insights';

/**
 * An event about a recommendation, appended in the transaction that changes it. The `cell` extension lets the
 * owning cell subscribe to what is addressed to it (`filter: event.cell == "finance"`).
 */
export function recommendationEvent(
  type: string,
  recommendation: Pick<Recommendation, 'id' | 'cell'>,
  time: Date,
  data: Record<string, unknown>,
): CloudEvent {
  return {
    specversion: '1.0',
    id: newId(),
    source: INSIGHTS_SOURCE,
    type,
    subject: recommendation.id,
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data: { recommendation: recommendation.id, cell: recommendation.cell, ...data },
    extensions: { cell: recommendation.cell },
  };
}

import {
  celloEvent,
  type CloudEvent,
  type EventData,
  type RecommendationAccepted,
  type RecommendationDismissed,
  type RecommendationMade,
  type RecommendationUpdated,
  type RecommendationWithdrawn,
  type Recommendation,
} from '../../model/index.js';

/** The types of the events recommendations append. */
export type RecommendationEventType =
  | typeof RecommendationMade
  | typeof RecommendationUpdated
  | typeof RecommendationAccepted
  | typeof RecommendationDismissed
  | typeof RecommendationWithdrawn;

/**
 * An event about a recommendation, appended in the transaction that changes it: subject = its id, and its data
 * starts with the recommendation and the cell addressed. The `cell` extension lets the owning cell subscribe to
 * what is addressed to it (`filter: event.cell == "finance"`).
 */
export function recommendationEvent<T extends RecommendationEventType>(
  type: T,
  recommendation: Pick<Recommendation, 'id' | 'cell'>,
  time: Date,
  data: Omit<EventData<T>, 'recommendation' | 'cell'>,
): CloudEvent {
  return celloEvent<RecommendationEventType>(type, {
    subject: recommendation.id,
    time,
    // Omit on a generic type hides from TypeScript that adding the two fields back gives EventData<T>.
    data: { recommendation: recommendation.id, cell: recommendation.cell, ...data } as EventData<T>,
    extensions: { cell: recommendation.cell },
  });
}

import type { RecommendationState } from '../../../../src/model/index.js';

/**
 * The states a recommendation list filters by; the shapes `GET /v1/insights/recommendations…` returns are the
 * model's types. The list repeats the model's, checked against its type, because the dashboard takes only types from src/.
 */
export const RECOMMENDATION_STATES = [
  'open',
  'accepted',
  'dismissed',
  'withdrawn',
] as const satisfies readonly RecommendationState[];

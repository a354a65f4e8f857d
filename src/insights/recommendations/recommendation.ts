/** The recommendation shapes live in src/model (the dashboard reads them too); insights' files import them from here. */
export { RECOMMENDATION_KINDS, RECOMMENDATION_STATES } from '../../model/index.js';
export type { ExpectedImpact, Recommendation, RecommendationCandidate, RecommendationKind, RecommendationState } from '../../model/index.js';

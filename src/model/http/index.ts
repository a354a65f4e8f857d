/**
 * The wire contract of the HTTP API: each route's method, URL and schemas (requests and answers), and the shapes
 * those answers carry. The server registers its handlers from these definitions, `/openapi.json` is generated from
 * them, and the typed client (src/client) calls them; the dashboard imports them too, so nothing here needs node.
 */
import { DECISION_ROUTES, PROPOSAL_ROUTES } from './decision-routes.js';
import { DELIVERY_ROUTES, SUBSCRIPTION_ROUTES } from './delivery-routes.js';
import { EVENT_ROUTES } from './event-routes.js';
import { GOVERNANCE_ROUTES } from './governance-metrics-route.js';
import { INSIGHT_ROUTES } from './insight-routes.js';
import { MANIFEST_ROUTES } from './manifest-routes.js';
import { OPERATIONS_ROUTES } from './operations-routes.js';
import { RECOMMENDATION_ROUTES } from './recommendation-routes.js';
import { REVIEW_ROUTES } from './review-routes.js';
import type { RouteDefinition } from './route-definition.js';
import { TENSION_ROUTES } from './tension-routes.js';
import { WHOAMI_ROUTE } from './whoami-route.js';
import { TASK_ROUTES, WORKFLOW_ROUTES } from './workflow-routes.js';

export * from './route-definition.js';
export * from './error-response.js';
export * from './operations-routes.js';
export * from './whoami-route.js';
export * from './event-routes.js';
export * from './delivery-routes.js';
export * from './manifest-routes.js';
export * from './tension-vocabulary.js';
export * from './tension-schemas.js';
export * from './tension-detail.js';
export * from './raise-input.js';
export * from './outcome-input.js';
export * from './decision-schemas.js';
export * from './tension-routes.js';
export * from './decision-routes.js';
export * from './review-schemas.js';
export * from './review-routes.js';
export * from './governance-metrics-route.js';
export * from './workflow-instance-schemas.js';
export * from './workflow-schemas.js';
export * from './workflow-routes.js';
export * from './slo-schemas.js';
export * from './mining-result-schema.js';
export * from './process-map-schema.js';
export * from './anomaly-report-schema.js';
export * from './health-report-schema.js';
export * from './recommendation-schemas.js';
export * from './insight-routes.js';
export * from './recommendation-routes.js';

/** Every route of the API, once: a test holds the server to serving exactly these. */
export const API_ROUTES: readonly RouteDefinition[] = [
  ...Object.values(OPERATIONS_ROUTES),
  WHOAMI_ROUTE,
  ...Object.values(EVENT_ROUTES),
  ...Object.values(DELIVERY_ROUTES),
  ...Object.values(SUBSCRIPTION_ROUTES),
  ...Object.values(MANIFEST_ROUTES),
  ...Object.values(TENSION_ROUTES),
  ...Object.values(PROPOSAL_ROUTES),
  ...Object.values(DECISION_ROUTES),
  ...Object.values(REVIEW_ROUTES),
  ...Object.values(GOVERNANCE_ROUTES),
  ...Object.values(WORKFLOW_ROUTES),
  ...Object.values(TASK_ROUTES),
  ...Object.values(INSIGHT_ROUTES),
  ...Object.values(RECOMMENDATION_ROUTES),
];

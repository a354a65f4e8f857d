export { createApiServer, type ApiOptions } from './server.js';
export { requireAdmin } from './auth.js';
export { governanceRoutes } from './routes/governance-routes.js';
export { workflowRoutes } from './routes/workflow-routes.js';
export { insightsRoutes } from './routes/insights-routes.js';

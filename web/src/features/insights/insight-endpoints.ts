/** The insights API's endpoints the dashboard reads (see src/api/routes/insights-routes.ts). */
export const INSIGHT_ENDPOINTS = {
  processMap: '/v1/insights/process-map',
  slos: '/v1/insights/slos',
  anomalies: '/v1/insights/anomalies',
  health: '/v1/insights/health',
  timeseries: '/v1/insights/timeseries',
  recommendations: '/v1/insights/recommendations',
  recommendationStats: '/v1/insights/recommendations/stats',
  check: '/v1/insights/check',
} as const;

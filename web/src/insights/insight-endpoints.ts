/**
 * Where the insights API publishes each figure. The first path this server documents is used; while a
 * figure has none, its section says "not available on this server".
 */
export const INSIGHT_ENDPOINTS = {
  processMap: ['/v1/insights/process-map', '/v1/insights/process', '/v1/insights/dfg'],
  trends: ['/v1/insights/trends', '/v1/insights/timeseries', '/v1/insights/throughput'],
  recommendations: ['/v1/insights/recommendations', '/v1/recommendations'],
  health: ['/v1/insights/health', '/v1/insights/health-report', '/v1/health-report'],
} as const;

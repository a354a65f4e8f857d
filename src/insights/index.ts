/**
 * Insights: process mining on files and on the live log, SLO compliance, anomalies, the orchestration health
 * report and recommendations. Suggests, never enforces. Talks to governance only through the ports below
 * (wired in src/app) and through events.
 */
export * from './mining/index.js';
export * from './predict/index.js';
export { compileCaseNotion, type CaseNotion } from './live/case-notion.js';
export { parseLiveLogQuery, type LiveLogQuery, type LiveLogQueryText } from './live/live-log-query.js';
export { readLiveLog, type LiveLog, type LiveLogSource, type RowObserver } from './live/read-live-log.js';
export { selectCases } from './live/select-cases.js';
export { mineCore, type CoreMiningResult } from './live/mine-core.js';
export { buildProcessMap, limitProcessMap, type ActivityOwner, type ProcessMap } from './live/process-map.js';
export { writeXes, xesTimestamp, type TextSink } from './xes/write-xes.js';
export type { DetectedTension, TensionEvidence, TensionSink } from './ports/tension-sink.js';
export type { ExperimentRequest, ExperimentSink } from './ports/experiment-sink.js';
export { measureSlo, type SloMeasurement, type SloSignal } from './slo/measure-slo.js';
export { SLO_STATES, type SloState, type SloStatus } from './slo/slo-status.js';
export { SLO_DETECTOR, breachTension, sloSubject } from './slo/breach-tension.js';
export { ANOMALY_THRESHOLD, robustScore, type RobustScore } from './anomalies/robust-score.js';
export type { Anomaly } from './anomalies/anomaly.js';
export type { AnomalyOptions, AnomalyReport } from './anomalies/detect-anomalies.js';
export type { LateEscalation, LateEscalations } from './anomalies/late-escalations.js';
export type { StalledCase } from './anomalies/stalled-cases.js';
export { BUCKETS, parseBucket, type Bucket } from './stats/time-buckets.js';
export { DEFAULT_TIMESERIES_BUCKETS, MAX_TIMESERIES_BUCKETS } from './timeseries/bucket-span.js';
export {
  MAX_TYPE_SERIES,
  parseTimeseriesQuery,
  type TimeseriesQuery,
  type TimeseriesQueryText,
} from './timeseries/timeseries-query.js';
export type { SloPoint, SloSeries, Timeseries, TimeseriesBucket } from '../model/index.js';
export {
  HEALTH_STATUSES,
  type HealthOptions,
  type HealthReport,
  type HealthStatus,
  type WeekHealth,
} from './health/health-report.js';
export { formatHealthReport } from './health/format-health-report.js';
export {
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATES,
  type ExpectedImpact,
  type Recommendation,
  type RecommendationCandidate,
  type RecommendationKind,
  type RecommendationState,
} from '../model/index.js';
export type { AcceptInput, AcceptResult, RefreshResult } from './recommendations/recommendation-service.js';
export type { AcceptanceStats, AcceptanceTally } from './recommendations/acceptance-stats.js';
export type { RecommendationFilter } from './recommendations/recommendation-repository.js';
export { compileInsightsOptions, type InsightsOptions } from './insights-options.js';
export { createInsights, type Insights, type InsightsDeps, type InsightsTick } from './create-insights.js';
export { insightsModule } from './insights-module.js';

import { createPoller, type Runtime, type Service } from '../engine/index.js';
import { detectAnomalies, type AnomalyOptions, type AnomalyReport } from './anomalies/detect-anomalies.js';
import { computeHealth } from './health/compute-health.js';
import type { HealthOptions, HealthReport } from './health/health-report.js';
import { compileInsightsOptions, type InsightsOptions } from './insights-options.js';
import { defaultSloTensionType, liveProcessMap, liveSource } from './live/live-source.js';
import type { LiveLogQuery } from './live/live-log-query.js';
import type { ProcessMap } from './live/process-map.js';
import { readLiveLog, type LiveLog } from './live/read-live-log.js';
import type { ExperimentSink } from './ports/experiment-sink.js';
import type { TensionSink } from './ports/tension-sink.js';
import { findCandidates } from './recommendations/find-candidates.js';
import { createRecommendationService, type RecommendationService } from './recommendations/recommendation-service.js';
import type { InsightsTick, Timeseries } from '../model/index.js';
import { createSloMonitor, type SloMonitor } from './slo/slo-monitor.js';
import { computeTimeseries } from './timeseries/compute-timeseries.js';
import type { TimeseriesQuery } from './timeseries/timeseries-query.js';
import { writeXes, type TextSink } from './xes/write-xes.js';

export interface InsightsDeps {
  runtime: Runtime;
  /** Where SLO breaches raise tensions (governance, wired by src/app); without it breaches are only reported. */
  tensions?: TensionSink;
  /** Where accepted recommendations become experiments (governance, wired by src/app). */
  experiments?: ExperimentSink;
}

export type { InsightsTick } from '../model/index.js';

/** Insights as a module service: everything computed from the live log, and the recommendations. */
export interface Insights extends Service {
  /** The runtime's clock: relative times in queries (`from=7d`) count back from it. */
  now(): Date;
  liveLog(query?: LiveLogQuery): Promise<LiveLog>;
  processMap(query?: LiveLogQuery): Promise<ProcessMap>;
  /** Writes the live log (as `query` selects it) as XES; resolves with what was written. */
  exportXes(query: LiveLogQuery, sink: TextSink): Promise<{ cases: number; events: number }>;
  slos: SloMonitor;
  /** Throughput, latency and SLO compliance per bucket (hour, day or week), from one pass over the range. */
  timeseries(query: TimeseriesQuery): Promise<Timeseries>;
  anomalies(overrides?: Partial<AnomalyOptions>): Promise<AnomalyReport>;
  health(overrides?: Partial<HealthOptions>): Promise<HealthReport>;
  recommendations: RecommendationService;
  /** Checks SLOs (raising tensions for new breaches) and refreshes recommendations; one at a time. */
  tick(): Promise<InsightsTick>;
}

/**
 * Insights on the live log: process maps, XES export, SLO compliance (breaches raise tensions through the sink),
 * anomalies, the orchestration health report and recommendations. Everything is computed from the log on demand;
 * the only state is the recommendations projection. Nothing here enforces anything.
 */
export function createInsights(deps: InsightsDeps, options: InsightsOptions = {}): Insights {
  const opts = compileInsightsOptions(options);
  const { runtime } = deps;
  const source = () => liveSource(runtime);
  const tensionType = () => opts.sloTensionType ?? defaultSloTensionType(runtime.org());

  const slos = createSloMonitor({
    events: runtime.store.events,
    agreements: () => runtime.org().byKind('Agreement'),
    now: () => runtime.clock.now(),
    tensionType,
    ...(deps.tensions ? { tensions: deps.tensions } : {}),
    logger: runtime.logger,
    minRequests: opts.sloMinRequests,
  });

  async function liveLog(query: LiveLogQuery = {}): Promise<LiveLog> {
    return readLiveLog(source(), query);
  }

  const processMap = (query: LiveLogQuery = {}) => liveProcessMap(source(), query);

  const recommendations = createRecommendationService({
    runtime,
    ...(deps.experiments ? { experiments: deps.experiments } : {}),
    candidates: (now) => findCandidates({ runtime, options: opts, processMap }, now),
  });

  let ticking: Promise<InsightsTick> | undefined;
  const tick = (): Promise<InsightsTick> => {
    ticking ??= tickOnce().finally(() => (ticking = undefined));
    return ticking;
  };
  const checks = createPoller({
    name: 'the insights check',
    intervalMs: opts.checkIntervalMs,
    logger: runtime.logger,
    run: async () => void (await tick()),
  });

  async function tickOnce(): Promise<InsightsTick> {
    const checked = await slos.check();
    return { slos: checked, recommendations: await recommendations.refresh() };
  }

  return {
    now: () => runtime.clock.now(),
    liveLog,
    processMap,

    async exportXes(query: LiveLogQuery, sink: TextSink): Promise<{ cases: number; events: number }> {
      const live = await liveLog(query);
      await writeXes(live.log, sink, { name: 'Cello live log' });
      return { cases: live.log.caseIds.length, events: live.log.eventCount };
    },

    slos,

    async timeseries(query: TimeseriesQuery): Promise<Timeseries> {
      return computeTimeseries(runtime.store.events, runtime.org().byKind('Agreement'), runtime.clock.now(), query);
    },

    async anomalies(overrides: Partial<AnomalyOptions> = {}): Promise<AnomalyReport> {
      return detectAnomalies(source(), runtime.clock.now(), { ...opts.anomalies, ...overrides });
    },

    async health(overrides: Partial<HealthOptions> = {}): Promise<HealthReport> {
      const src = source();
      return computeHealth(src, src.org.manifests, runtime.clock.now(), { ...opts.health, ...overrides });
    },

    recommendations,

    tick,

    /** Checks on the interval (`checkIntervalMs`; 0 leaves it to `tick()`). */
    async start(): Promise<void> {
      checks.start();
    },

    async stop(): Promise<void> {
      await checks.stop();
      await ticking?.catch(() => undefined);
    },
  };
}

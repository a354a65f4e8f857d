import { createPoller, type OrgView, type Runtime } from '../engine/index.js';
import { detectAnomalies, type AnomalyOptions, type AnomalyReport } from './anomalies/detect-anomalies.js';
import { computeHealth } from './health/compute-health.js';
import type { HealthOptions, HealthReport } from './health/health-report.js';
import { compileInsightsOptions, type InsightsOptions } from './insights-options.js';
import { compileCaseNotion } from './live/case-notion.js';
import type { LiveLogQuery } from './live/live-log-query.js';
import { buildProcessMap, type ProcessMap } from './live/process-map.js';
import { readLiveLog, type LiveLog, type LiveLogSource } from './live/read-live-log.js';
import type { ExperimentSink } from './ports/experiment-sink.js';
import type { TensionSink } from './ports/tension-sink.js';
import { bottleneckHints } from './recommendations/bottleneck-hints.js';
import { collaborationHints } from './recommendations/collaboration-hints.js';
import { createRecommendationService, type RefreshResult } from './recommendations/recommendation-service.js';
import type { RecommendationCandidate, Timeseries } from '../model/index.js';
import { variantHints } from './recommendations/variant-hints.js';
import { readWorkflowRuns } from './recommendations/workflow-runs.js';
import { createSloMonitor } from './slo/slo-monitor.js';
import type { SloStatus } from './slo/slo-status.js';
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

/** What one check did: the SLOs as measured (with the tensions breaches raised) and the recommendation refresh. */
export interface InsightsTick {
  slos: SloStatus[];
  recommendations: RefreshResult;
}

/**
 * Insights on the live log: process maps, XES export, SLO compliance (breaches raise tensions through the sink),
 * anomalies, the orchestration health report and recommendations. Everything is computed from the log on demand;
 * the only state is the recommendations projection. Nothing here enforces anything.
 */
export function createInsights(deps: InsightsDeps, options: InsightsOptions = {}) {
  const opts = compileInsightsOptions(options);
  const { runtime } = deps;
  /**
   * The live log as the organization applied right now defines it. The case notion is compiled per read (a few
   * CEL expressions): it counts the events it could not place, and those counts belong to one read.
   */
  function source(): LiveLogSource & { org: OrgView } {
    const org = runtime.org();
    return {
      org,
      events: runtime.store.events,
      notion: compileCaseNotion(org.byKind('Organization')[0]),
      ownerOfType: (type) => org.ownerOfType(type),
    };
  }

  function tensionType(): string {
    if (opts.sloTensionType) return opts.sloTensionType;
    const types =
      runtime
        .org()
        .byKind('Organization')[0]
        ?.spec.tensionTypes.map((t) => t.name) ?? [];
    return types.includes('interface') ? 'interface' : (types[0] ?? 'interface');
  }

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

  async function processMap(query: LiveLogQuery = {}): Promise<ProcessMap> {
    const src = source();
    const live = await readLiveLog(src, query);
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    return buildProcessMap(live, {
      caseNotion: src.notion.describe(),
      ownerOfType: src.ownerOfType,
      query: {
        types: query.types ?? null,
        from: iso(query.fromMs),
        to: iso(query.toMs),
        workflow: query.workflow ?? null,
        template: query.template ?? null,
        resource: query.resource ?? 'publisher',
      },
    });
  }

  /** The findings recommendations are made from, over the recommendation window. */
  async function candidates(now: Date): Promise<RecommendationCandidate[]> {
    const fromMs = now.getTime() - opts.recommendationWindowMs;
    const org = runtime.org();
    const agreements = org.byKind('Agreement');
    const map = await processMap({ fromMs, toMs: now.getTime() + 1 });
    const workflowCells = new Map(
      org.byKind('Workflow').map((w) => [w.metadata.name, w.spec.cell.replace(/^cell:/, '')]),
    );
    const runs = await readWorkflowRuns(runtime.store.events, fromMs, (workflow) => workflowCells.get(workflow));
    const usage = new Map<string, { events: number; types: string[] }>();
    for (const a of agreements) {
      if (a.spec.mode !== 'collaboration') continue;
      const provider = org.byKind('Cell').find((c) => `cell:${c.metadata.name}` === a.spec.provider);
      const types =
        (provider?.spec.offers ?? []).find((o) => o.name === a.spec.offer)?.events?.map((e) => e.type) ?? [];
      let events = 0;
      if (types.length > 0)
        for await (const batch of runtime.store.events.scanColumns({ types, fromMs })) events += batch.length;
      usage.set(a.metadata.name, { events, types });
    }
    return [
      ...bottleneckHints(map, agreements, { window: opts.recommendationWindow, ...opts.bottlenecks }),
      ...collaborationHints(
        agreements,
        now,
        (a) => usage.get(a.metadata.name) ?? { events: 0, types: [] },
        opts.recommendationWindow,
      ),
      ...variantHints(runs, { window: opts.recommendationWindow, ...opts.variants }),
    ];
  }

  const recommendations = createRecommendationService({
    runtime,
    ...(deps.experiments ? { experiments: deps.experiments } : {}),
    candidates,
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
    /** The runtime's clock: relative times in queries (`from=7d`) count back from it. */
    now: () => runtime.clock.now(),
    liveLog,
    processMap,

    /** Writes the live log (as `query` selects it) as XES; resolves with what was written. */
    async exportXes(query: LiveLogQuery, sink: TextSink): Promise<{ cases: number; events: number }> {
      const live = await liveLog(query);
      await writeXes(live.log, sink, { name: 'Cello live log' });
      return { cases: live.log.caseIds.length, events: live.log.eventCount };
    },

    slos,

    /** Throughput, latency and SLO compliance per bucket (hour, day or week), from one pass over the range. */
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

    /** Checks SLOs (raising tensions for new breaches) and refreshes recommendations; one at a time. */
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

export type Insights = ReturnType<typeof createInsights>;

import { createLogConsumer, createPoller, type Runtime, type Service } from '../engine/index.js';
import type { LintRule } from '../manifests/index.js';
import type { Decision, Experiment, Principal } from '../model/index.js';
import { createDecisionService } from './decisions/decision-service.js';
import { createLogDetectors } from './detectors/log-detectors.js';
import { createGovernanceContext } from './governance-context.js';
import { computeGovernanceMetrics, type GovernanceMetrics } from './governance-metrics.js';
import { compileGovernanceOptions, type GovernanceOptions } from './governance-options.js';
import { createReviewService } from './reviews/review-service.js';
import { startCellExperiment, type CellExperimentInput } from './experiments/start-cell-experiment.js';
import { createTensionService, type TensionService } from './tensions/tension-service.js';
import { checkTime, type TickReport } from './check-time.js';
import type { DecisionService } from './decisions/decision-service.js';
import type { ReviewService } from './reviews/review-service.js';

export type { TickReport } from './check-time.js';

/** The name of the detectors' cursor among the log consumers. */
export const DETECTORS_CONSUMER = 'governance-detectors';

export interface GovernanceDeps {
  runtime: Runtime;
  /** The lint rules boundary-lint tensions come from: src/app passes the built-in ones and its modules'. */
  lintRules?: readonly LintRule[];
}

/** Governance as a module service: its services, the detector port, experiments, metrics and time checks. */
export interface Governance extends Service {
  tensions: TensionService;
  decisions: DecisionService;
  reviews: ReviewService;
  /** Raises (or counts, or reopens) a tension for a detector: the API insights and workflows call through app/. */
  raiseDetected: TensionService['raiseDetected'];
  /** Experiments, newest last: decided ones and those cells chose for themselves. */
  experiments(filter?: {
    state?: 'running' | 'concluded';
    cell?: string;
    recommendation?: string;
  }): Promise<Experiment[]>;
  /**
   * Starts an experiment a cell chose for itself (e.g. an accepted recommendation): no tension and no decision
   * right, since the move concerns only that cell; reviewed on its review date like a decided one.
   */
  startExperiment(principal: Principal, input: CellExperimentInput): Promise<Experiment>;
  /** The decisions log, oldest first. */
  decisionLog(filter?: { tensionId?: string; reviewId?: string }): Promise<Decision[]>;
  /** Time to surface, time to decision, reviews without a decision (by week), reopenings, escalations. */
  metrics(range?: { from?: string; to?: string }): Promise<GovernanceMetrics>;
  /**
   * Checks what time makes due (see `checkTime`). Runs on a poll (`checkIntervalMs`); tests with a ManualClock call
   * it after moving time. Calls during a check share it.
   */
  tick(): Promise<TickReport>;
  /** Resolves once every committed event has been seen by the detectors (tests wait on it instead of sleeping). */
  settle(): Promise<void>;
}

/**
 * Governance: tensions, decision rights, reviews, decisions, agreement versions and experiments. Every act runs
 * through `runtime.publisher.record`, so the change and the event that records it commit together.
 */
export function createGovernance(deps: GovernanceDeps, options: GovernanceOptions = {}): Governance {
  const ctx = createGovernanceContext(deps.runtime, compileGovernanceOptions(options));
  const tensions = createTensionService(ctx);
  const decisions = createDecisionService(ctx);
  const reviews = createReviewService(ctx, tensions, decisions);
  const detectors = createLogDetectors(ctx, deps.lintRules);
  const log = deps.runtime.logger;
  const { store, clock } = deps.runtime;
  // Every event once, in log order, across restarts and instances: see ARCHITECTURE.md.
  const consumer = createLogConsumer(
    {
      name: DETECTORS_CONSUMER,
      startFrom: 'end',
      batchSize: 500,
      pollMs: 1_000,
      types: detectors.types,
      handle: detectors.handle,
    },
    { store, clock, logger: log, record: deps.runtime.publisher.record, feed: deps.runtime.feed },
  );
  let started = false;
  let ticking: Promise<TickReport> | undefined;
  const tick = (): Promise<TickReport> => {
    ticking ??= checkTime(ctx, { tensions, decisions, reviews }).finally(() => (ticking = undefined));
    return ticking;
  };
  const timeChecks = createPoller({
    name: 'the governance time check',
    intervalMs: ctx.options.checkIntervalMs,
    logger: log,
    run: async () => void (await tick()),
  });

  return {
    tensions,
    decisions,
    reviews,
    raiseDetected: tensions.raiseDetected,
    experiments: (filter: { state?: 'running' | 'concluded'; cell?: string; recommendation?: string } = {}) =>
      ctx.read().records.experiments(filter),
    startExperiment: (principal: Principal, input: CellExperimentInput): Promise<Experiment> =>
      startCellExperiment(ctx, principal, input),
    decisionLog: (filter: { tensionId?: string; reviewId?: string } = {}) => ctx.read().records.decisions(filter),

    async metrics(range: { from?: string; to?: string } = {}): Promise<GovernanceMetrics> {
      const repos = ctx.read();
      const [all, made, held] = await Promise.all([
        repos.tensions.all(),
        repos.records.decisions(),
        repos.reviews.list(),
      ]);
      return computeGovernanceMetrics({
        tensions: all,
        decisions: made,
        reviews: held,
        isRouted: (type) => ctx.route(type).routed,
        ...range,
      });
    },

    tick,

    /** Lints the organization applied before start, starts the detectors' log consumer and the time checks. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      await detectors
        .lint({ count: false })
        .catch((error: unknown) => log.error({ err: error }, 'linting the organization at start failed'));
      await consumer.start();
      timeChecks.start();
    },

    async stop(): Promise<void> {
      if (!started) return;
      started = false;
      await consumer.stop();
      await timeChecks.stop();
      await ticking;
    },

    async settle(): Promise<void> {
      await deps.runtime.feed.settle();
      await consumer.settle();
    },
  };
}

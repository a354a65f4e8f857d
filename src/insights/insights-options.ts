import { InputError, isDuration, parseDuration } from '../shared/index.js';
import type { AnomalyOptions } from './anomalies/detect-anomalies.js';
import type { HealthOptions } from './health/health-report.js';
import type { BottleneckHintOptions } from './recommendations/bottleneck-hints.js';
import type { VariantHintOptions } from './recommendations/variant-hints.js';

const DAY = 86_400_000;

/** How insights run; every field has a default (ARCHITECTURE.md explains them). */
export interface InsightsOptions {
  /** How often SLOs are checked and recommendations refreshed; 0 turns the timer off (tests call `tick`). Default 5 min. */
  checkIntervalMs?: number;
  /** Requests an SLO needs in its window before a breach is called. Default 5. */
  sloMinRequests?: number;
  /** The tension type SLO breaches raise; default `interface` when the organization has it, else its first type. */
  sloTensionType?: string;
  /** How far back recommendations look. Default `28d`. */
  recommendationWindow?: string;
  bottlenecks?: Partial<Omit<BottleneckHintOptions, 'window'>>;
  variants?: Partial<Omit<VariantHintOptions, 'window'>>;
  anomalies?: Partial<AnomalyOptions>;
  health?: Partial<HealthOptions>;
}

export interface CompiledInsightsOptions {
  checkIntervalMs: number;
  sloMinRequests: number;
  sloTensionType?: string;
  recommendationWindow: string;
  recommendationWindowMs: number;
  bottlenecks: Omit<BottleneckHintOptions, 'window'>;
  variants: Omit<VariantHintOptions, 'window'>;
  anomalies: AnomalyOptions;
  health: HealthOptions;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  bucket: 'hour',
  buckets: 168,
  minBaseline: 24,
  minEvents: 3,
  lateAfterMs: 3 * DAY,
  minGapSamples: 5,
  top: 50,
};

export const DEFAULT_HEALTH_OPTIONS: HealthOptions = { weeks: 8, agingAfterMs: 14 * DAY, lateAfterMs: 3 * DAY };

/** Fills in the defaults and checks the values once, at start-up. */
export function compileInsightsOptions(options: InsightsOptions = {}): CompiledInsightsOptions {
  const window = options.recommendationWindow ?? '28d';
  if (!isDuration(window))
    throw new InputError(`recommendationWindow "${window}" is not a duration such as 28d.`, {
      field: 'recommendationWindow',
    });
  const health = { ...DEFAULT_HEALTH_OPTIONS, ...options.health };
  if (!Number.isInteger(health.weeks) || health.weeks < 1 || health.weeks > 104) {
    throw new InputError(`The health trend covers 1 to 104 weeks, not ${String(health.weeks)}.`, { field: 'weeks' });
  }
  const anomalies = { ...DEFAULT_ANOMALY_OPTIONS, ...options.anomalies };
  if (!Number.isInteger(anomalies.buckets) || anomalies.buckets < 2 || anomalies.buckets > 10_000) {
    throw new InputError(`Anomalies read 2 to 10000 buckets, not ${String(anomalies.buckets)}.`, { field: 'buckets' });
  }
  return {
    checkIntervalMs: options.checkIntervalMs ?? 300_000,
    sloMinRequests: options.sloMinRequests ?? 5,
    ...(options.sloTensionType ? { sloTensionType: options.sloTensionType } : {}),
    recommendationWindow: window,
    recommendationWindowMs: parseDuration(window),
    bottlenecks: { minSample: 10, minShare: 0.25, ...options.bottlenecks },
    variants: { minSample: 5, minImprovement: 0.2, reworkTolerance: 0.05, maxPValue: 0.05, ...options.variants },
    anomalies,
    health,
  };
}

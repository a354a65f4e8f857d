import type { DurationSummary } from './duration-summary.js';
import type { LogSource } from './columnar-event-log.js';
import type { CompiledMiningOptions } from './mining-options.js';

/** The JSON shape `mineLog` returns and `cello mine --json` prints; see ARCHITECTURE.md for its invariants. */
export interface MiningResult {
  schema: 'cello.mining/1';
  log: Pick<LogSource, 'format' | 'file' | 'activityKey' | 'warnings'>;
  options: CompiledMiningOptions;
  summary: MiningSummary;
  activities: ActivityFrequency[];
  startActivities: ActivityCount[];
  endActivities: ActivityCount[];
  variants: Variant[];
  directlyFollows: DirectlyFollowsEdge[];
  caseDurations: CaseDurations;
  rework: Rework;
  handovers: Handover[];
  bottlenecks: Bottleneck[];
}

export interface MiningSummary {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  resources: number;
  /** ISO 8601 UTC instants of the first and last event; `null` for an empty log. */
  firstEventAt: string | null;
  lastEventAt: string | null;
}

export interface ActivityFrequency {
  activity: string;
  /** Events of this activity. */
  events: number;
  /** Cases with at least one such event. */
  cases: number;
}

export interface ActivityCount {
  activity: string;
  /** Cases that start (or end) with it. */
  count: number;
}

export interface Variant {
  activities: string[];
  /** Cases that follow exactly this sequence. */
  count: number;
  /** count / cases. */
  share: number;
}

/** Time from an event to the next event of the same case. */
export type EdgePerformance = DurationSummary;

export interface DirectlyFollowsEdge {
  from: string;
  to: string;
  /** How often `to` directly follows `from` within a case. */
  frequency: number;
  performance: EdgePerformance;
}

export interface CaseDurations extends DurationSummary {
  /** Cases measured (all cases). */
  count: number;
  /** 90th percentile, linear interpolation between closest ranks. */
  p90Ms: number | null;
}

export interface ReworkActivity {
  activity: string;
  /** Cases in which it occurs more than once. */
  cases: number;
  share: number;
}

export interface Rework {
  /** Cases in which some activity occurs more than once. */
  cases: number;
  share: number;
  activities: ReworkActivity[];
}

export interface Handover {
  /** Resource of an event. */
  from: string;
  /** Different resource of the next event in the same case. */
  to: string;
  count: number;
}

export interface Bottleneck {
  from: string;
  to: string;
  frequency: number;
  medianMs: number;
  meanMs: number;
  /** medianMs × frequency: the waiting this edge accounts for if every passage took its median time. */
  weightedWaitMs: number;
}

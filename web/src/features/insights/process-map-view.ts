/** The JSON of the live process map (`cello.process-map/1`): mining figures of the live log. */

export interface DurationSummary {
  meanMs: number | null;
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
}

export interface ProcessMapView {
  summary: {
    cases: number;
    events: number;
    activities: number;
    variants: number;
    firstEventAt: string | null;
    lastEventAt: string | null;
  };
  activities: { activity: string; events: number; cases: number }[];
  startActivities: { activity: string; count: number }[];
  endActivities: { activity: string; count: number }[];
  variants: { activities: string[]; count: number; share: number }[];
  directlyFollows: { from: string; to: string; frequency: number; performance: DurationSummary }[];
  caseDurations: DurationSummary & { count: number; p90Ms: number | null };
  rework?: { cases: number; share: number; activities: { activity: string; cases: number; share: number }[] };
  bottlenecks?: {
    from: string;
    to: string;
    frequency: number;
    medianMs: number;
    meanMs: number;
    weightedWaitMs: number;
  }[];
  activityOwners?: { activity: string; cell: string | null; basis: string }[];
  caseNotion?: string;
  scanned?: number;
  withoutCase?: number;
}

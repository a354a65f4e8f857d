/** The shapes of insights' SLO API (`GET /v1/insights/slos`, `GET /v1/insights/timeseries`): types only. */

export const SLO_STATES = ['met', 'breached', 'insufficient-data', 'no-data'] as const;
/** `breached`: compliance below the objective over enough requests; `insufficient-data`: too few to judge. */
export type SloState = (typeof SLO_STATES)[number];

/** What one SLO looks like over a stretch of time (its window, or one bucket of a time series). */
export interface SloMeasurement {
  /** Requests in the window whose outcome is known (met + missed). */
  counted: number;
  met: number;
  missed: number;
  /** Unanswered requests whose deadline has not passed yet: not counted either way. */
  pending: number;
  /** met / counted, rounded to 4 decimals; null when nothing was counted. */
  compliance: number | null;
  /** Time to answer, over answered requests in the window. */
  latency: { medianMs: number | null; p90Ms: number | null; answered: number };
  /** Responses that found no open request with their key (ignored). */
  unmatchedResponses: number;
  /** Seqs of the first missed requests, oldest first (at most 10). */
  missedSeqs: number[];
  /** The earliest deadline a missed request passed: when the gap first showed. */
  firstMissAtMs: number | null;
}

/** One SLO of one agreement, measured over its window from the live log. */
export interface SloStatus extends SloMeasurement {
  agreement: string;
  provider: string;
  consumer: string;
  mode: string;
  slo: string;
  objective: number;
  request: string;
  response: string;
  within: string;
  window: string;
  /** `subject`, or the extension that correlates a response with its request. */
  correlateBy: string;
  windowStart: string;
  windowEnd: string;
  /** Requests or responses without a correlation key (ignored). */
  uncorrelated: number;
  state: SloState;
  /** The tension a breach raised, when one was raised in this process. */
  tension?: string;
}

export const BUCKETS = ['hour', 'day', 'week'] as const;
/** Buckets are UTC: hours, days, and ISO weeks starting Monday 00:00 UTC. */
export type Bucket = (typeof BUCKETS)[number];

/** One bucket of a time series. */
export interface TimeseriesBucket {
  /** RFC 3339, inclusive. */
  start: string;
  /** RFC 3339, exclusive. */
  end: string;
  /** The bucket ends after now: it is still filling, and its requests may still be pending. */
  partial: boolean;
}

/** An agreement SLO in one bucket: the requests made in the bucket, judged as of now. */
export type SloPoint = Pick<SloMeasurement, 'counted' | 'met' | 'missed' | 'pending' | 'compliance' | 'latency'>;

/** One agreement SLO bucket by bucket; `points[i]` belongs to `buckets[i]`. */
export interface SloSeries {
  agreement: string;
  provider: string;
  consumer: string;
  slo: string;
  objective: number;
  request: string;
  response: string;
  within: string;
  correlateBy: string;
  /** Requests and responses in the range without a correlation key (ignored). */
  uncorrelated: number;
  points: SloPoint[];
}

/** `GET /v1/insights/timeseries` (`cello.timeseries/1`): throughput, latency and SLO compliance per bucket. */
export interface Timeseries {
  schema: 'cello.timeseries/1';
  generatedAt: string;
  bucket: Bucket;
  /** Start of the first bucket. */
  from: string;
  /** End of the last bucket (exclusive). */
  to: string;
  buckets: TimeseriesBucket[];
  /** Events per bucket (by their `time`): all of them (Cello's own records only when asked), and per requested type or prefix. */
  events: { total: number[]; byType: { type: string; counts: number[] }[] };
  slos: SloSeries[];
}

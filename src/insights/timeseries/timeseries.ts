import type { Bucket } from '../stats/time-buckets.js';
import type { SloMeasurement } from '../slo/slo-measurement.js';

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

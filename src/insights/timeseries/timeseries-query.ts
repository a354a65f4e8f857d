import { InputError } from '../../shared/index.js';
import { parseLiveLogQuery } from '../live/live-log-query.js';
import { bucketSize, bucketStart, parseBucket, type Bucket } from '../stats/time-buckets.js';
import { DEFAULT_TIMESERIES_BUCKETS } from './bucket-span.js';

/** The most event-type series one time series breaks throughput into. */
export const MAX_TYPE_SERIES = 20;

/** What a time series covers; `fromMs` and `toMs` are as asked, the buckets round them out to whole buckets. */
export interface TimeseriesQuery {
  bucket: Bucket;
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  /** Exact types or `prefix.*` patterns, each counted as its own throughput series. */
  types: string[];
  /** Count Cello's own records (the event catalogue's types other than workflow events) in the total too. */
  includeCello: boolean;
}

/** The query as it arrives from a URL: bucket name, RFC 3339 times or durations back from now, comma-separated types. */
export interface TimeseriesQueryText {
  bucket?: string;
  from?: string;
  to?: string;
  type?: string;
  cello?: string;
}

/**
 * Parses the text form. Without `to` the series ends with the bucket holding `now`; without `from` it starts
 * {@link DEFAULT_TIMESERIES_BUCKETS} buckets before its end (48 hours, 30 days, 12 weeks). Default bucket: day.
 */
export function parseTimeseriesQuery(text: TimeseriesQueryText, now: Date, fallback: Bucket = 'day'): TimeseriesQuery {
  const bucket = parseBucket(text.bucket, fallback);
  const parsed = parseLiveLogQuery({ from: text.from, to: text.to, type: text.type, cello: text.cello }, now);
  const toMs = parsed.toMs ?? now.getTime() + 1;
  const fromMs =
    parsed.fromMs ?? bucketStart(toMs - 1, bucket) - (DEFAULT_TIMESERIES_BUCKETS[bucket] - 1) * bucketSize(bucket);
  if (fromMs >= toMs) {
    throw new InputError(
      `from "${text.from}" is not before the end of the series (${new Date(toMs).toISOString()}); choose an earlier "from" or a later "to".`,
      {
        field: 'from',
        value: text.from,
      },
    );
  }
  const types = parsed.types ?? [];
  if (types.length > MAX_TYPE_SERIES) {
    throw new InputError(
      `type names ${types.length} event types or patterns; a time series breaks throughput into at most ${MAX_TYPE_SERIES}. Name fewer, or use prefixes such as com.acme.risk.*.`,
      {
        field: 'type',
      },
    );
  }
  return { bucket, fromMs, toMs, types, includeCello: parsed.includeCello === true };
}

import { MAX_TIMESERIES_BUCKETS } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { bucketSize, bucketStart, type Bucket } from '../stats/time-buckets.js';

export { MAX_TIMESERIES_BUCKETS } from '../../model/index.js';

/** Buckets a time series shows when the query names no `from`: two days of hours, 30 days, 12 weeks. */
export const DEFAULT_TIMESERIES_BUCKETS: Readonly<Record<Bucket, number>> = { hour: 48, day: 30, week: 12 };

/** Whole UTC buckets covering a range: `fromMs` and `toMs` fall on bucket starts. */
export interface BucketSpan {
  bucket: Bucket;
  /** Length of a bucket, ms. */
  size: number;
  /** Start of the first bucket, inclusive (epoch ms). */
  fromMs: number;
  /** End of the last bucket, exclusive (epoch ms). */
  toMs: number;
  count: number;
}

/**
 * The buckets covering `[fromMs, toMs)`: from the one holding `fromMs` to the one holding `toMs − 1`. Refuses a
 * span of more than {@link MAX_TIMESERIES_BUCKETS}, so a response and the work behind it stay bounded.
 */
export function bucketSpan(bucket: Bucket, fromMs: number, toMs: number): BucketSpan {
  if (!(fromMs < toMs)) {
    throw new InputError(`The time range from ${iso(fromMs)} to ${iso(toMs)} is empty; "from" must come before "to".`, {
      field: 'from',
    });
  }
  const size = bucketSize(bucket);
  const first = bucketStart(fromMs, bucket);
  const end = bucketStart(toMs - 1, bucket) + size;
  const count = (end - first) / size;
  if (count > MAX_TIMESERIES_BUCKETS) {
    throw new InputError(
      `The range from ${iso(fromMs)} to ${iso(toMs)} holds ${count} ${bucket} buckets; a time series holds at most ${MAX_TIMESERIES_BUCKETS}. ` +
        `Choose a larger bucket (${bucket === 'week' ? 'there is none above week' : 'bucket=day or bucket=week'}) or a shorter range.`,
      { field: 'bucket', value: bucket, buckets: count, max: MAX_TIMESERIES_BUCKETS },
    );
  }
  return { bucket, size, fromMs: first, toMs: end, count };
}

/** The index of the bucket holding `ms`, or -1 outside the span. */
export function bucketIndex(span: BucketSpan, ms: number): number {
  if (ms < span.fromMs || ms >= span.toMs) return -1;
  return Math.floor((ms - span.fromMs) / span.size);
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

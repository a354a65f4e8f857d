import { BUCKETS, type Bucket } from '../../model/index.js';
import { InputError } from '../../shared/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-01 was a Thursday; the first ISO week start (Monday) after it is 1970-01-05, 4 days later. */
const MONDAY_OFFSET = 4 * DAY;

export { BUCKETS, type Bucket } from '../../model/index.js';

const SIZE: Record<Bucket, number> = { hour: HOUR, day: DAY, week: 7 * DAY };

/** The start (epoch ms) of the bucket holding `ms`. */
export function bucketStart(ms: number, bucket: Bucket): number {
  const size = SIZE[bucket];
  const offset = bucket === 'week' ? MONDAY_OFFSET : 0;
  return Math.floor((ms - offset) / size) * size + offset;
}

export function bucketSize(bucket: Bucket): number {
  return SIZE[bucket];
}

/** Checks a bucket name from a URL or a flag. */
export function parseBucket(text: string | undefined, fallback: Bucket): Bucket {
  if (text === undefined || text === '') return fallback;
  if (!(BUCKETS as readonly string[]).includes(text)) {
    throw new InputError(`bucket "${text}" is not one of ${BUCKETS.join(', ')}.`, { field: 'bucket', value: text });
  }
  return text as Bucket;
}

import { bucketSize, bucketStart, type Bucket } from '../stats/time-buckets.js';

/** Whole buckets ending where the current (incomplete) bucket starts: the last one is the bucket judged. */
export interface BucketRange {
  bucket: Bucket;
  size: number;
  /** Start of the first bucket, inclusive (epoch ms). */
  fromMs: number;
  /** Start of the current bucket, exclusive: the end of the last complete one. */
  toMs: number;
  buckets: number;
}

/** `buckets` complete buckets before the one holding `now`. */
export function bucketRange(now: Date, bucket: Bucket, buckets: number): BucketRange {
  const size = bucketSize(bucket);
  const toMs = bucketStart(now.getTime(), bucket);
  return { bucket, size, fromMs: toMs - buckets * size, toMs, buckets };
}

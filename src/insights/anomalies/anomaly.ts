import type { Bucket } from '../stats/time-buckets.js';

/** A volume or latency figure of the last complete bucket that lies far from its baseline. */
export interface Anomaly {
  metric: 'volume' | 'latency';
  /** Per event type, or per cell (the publisher, else the cell that offers the type). */
  scope: 'type' | 'cell';
  key: string;
  bucket: Bucket;
  /** Start of the bucket judged (ISO 8601 UTC). */
  bucketStart: string;
  /** Events in the bucket (volume), or the median wait before those events in ms (latency). */
  value: number;
  baselineMedian: number;
  baselineMad: number;
  /** Robust z-score: (value − baseline median) / robust scale. */
  z: number;
  direction: 'high' | 'low';
  /** How many buckets the baseline held. */
  baselineBuckets: number;
}

/** Orders anomalies by how far out they are, then by name. */
export function rankAnomalies(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

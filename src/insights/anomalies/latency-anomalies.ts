import type { ColumnarEventLog } from '../mining/index.js';
import { medianOf } from '../stats/quantiles.js';
import type { Anomaly } from './anomaly.js';
import type { BucketRange } from './bucket-range.js';
import { ANOMALY_THRESHOLD, robustScore } from './robust-score.js';
import { splitKey } from './volume-tally.js';

/** Waits below this (ms) never make a latency anomaly on their own: the floor of the robust scale. */
const LATENCY_FLOOR_MS = 1_000;

/**
 * Latency of an event = the wait before it: the time since the previous event of its case. Per event type and
 * per cell (the event's resource), the median wait of each bucket; the last complete bucket's median is judged
 * against the medians of the earlier buckets that had waits. Only slower-than-usual counts: a step that got
 * faster is good news, not an anomaly.
 */
export function latencyAnomalies(
  log: ColumnarEventLog,
  range: BucketRange,
  options: { minBaseline: number; minEvents: number },
): Anomaly[] {
  const waits = new Map<string, number[][]>();
  const add = (key: string, index: number, wait: number) => {
    let series = waits.get(key);
    if (!series) waits.set(key, (series = Array.from({ length: range.buckets }, () => [])));
    series[index]!.push(wait);
  };
  for (let c = 0; c < log.caseIds.length; c++) {
    for (let i = log.caseOffsets[c]! + 1; i < log.caseOffsets[c + 1]!; i++) {
      const t = log.timestamp[i]!;
      if (t < range.fromMs || t >= range.toMs) continue;
      const index = Math.floor((t - range.fromMs) / range.size);
      const wait = t - log.timestamp[i - 1]!;
      add(`type:${log.activityNames[log.activity[i]!]!}`, index, wait);
      const r = log.resource[i]!;
      if (r >= 0) add(`cell:${log.resourceNames[r]!}`, index, wait);
    }
  }
  const out: Anomaly[] = [];
  const last = range.buckets - 1;
  for (const [key, series] of waits) {
    const current = series[last]!;
    if (current.length < options.minEvents) continue;
    const baseline = series
      .slice(0, last)
      .filter((w) => w.length > 0)
      .map((w) => medianOf(w)!);
    if (baseline.length < options.minBaseline) continue;
    const value = medianOf(current)!;
    const floor = Math.max(LATENCY_FLOOR_MS, 0.1 * medianOf(baseline)!);
    const score = robustScore(value, baseline, floor);
    if (!score || score.z < ANOMALY_THRESHOLD) continue;
    const [scope, name] = splitKey(key);
    out.push({
      metric: 'latency',
      scope,
      key: name,
      bucket: range.bucket,
      bucketStart: new Date(range.fromMs + last * range.size).toISOString(),
      value,
      baselineMedian: score.median,
      baselineMad: score.mad,
      z: Math.round(score.z * 100) / 100,
      direction: 'high',
      baselineBuckets: baseline.length,
    });
  }
  return out;
}

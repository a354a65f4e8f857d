import { EVENT_COLUMN as C, type EventColumnsRow } from '../../store/index.js';
import type { Anomaly } from './anomaly.js';
import { ANOMALY_THRESHOLD, robustScore } from './robust-score.js';
import type { BucketRange } from './bucket-range.js';

/**
 * Counts events per bucket, per event type and per publishing cell (else the cell offering the type), then
 * judges the last complete bucket against the buckets before it, from the key's first event on (a type that
 * appeared last week has no baseline of zeros before that).
 */
export class VolumeTally {
  private readonly counts = new Map<string, Int32Array>();

  constructor(
    private readonly range: BucketRange,
    private readonly ownerOfType: (type: string) => string | undefined,
  ) {}

  /** A row observer (see readLiveLog): counts the row when it falls inside the range. */
  readonly observe = (row: EventColumnsRow): void => {
    const t = row[C.timeMs];
    if (t < this.range.fromMs || t >= this.range.toMs) return;
    const index = Math.floor((t - this.range.fromMs) / this.range.size);
    this.count(`type:${row[C.type]}`, index);
    const cell = row[C.publisher] ?? this.ownerOfType(row[C.type]);
    if (cell) this.count(`cell:${cell}`, index);
  };

  private count(key: string, index: number): void {
    let series = this.counts.get(key);
    if (!series) this.counts.set(key, (series = new Int32Array(this.range.buckets)));
    series[index]!++;
  }

  /** Anomalies of the last bucket; keys need `minBaseline` buckets of history. */
  anomalies(minBaseline: number): Anomaly[] {
    const out: Anomaly[] = [];
    const last = this.range.buckets - 1;
    for (const [key, series] of this.counts) {
      const first = series.findIndex((n) => n > 0);
      if (first < 0 || last - first < minBaseline) continue;
      const score = robustScore(series[last]!, series.subarray(first, last), 1);
      if (!score || Math.abs(score.z) < ANOMALY_THRESHOLD) continue;
      const [scope, name] = splitKey(key);
      out.push({
        metric: 'volume',
        scope,
        key: name,
        bucket: this.range.bucket,
        bucketStart: new Date(this.range.fromMs + last * this.range.size).toISOString(),
        value: series[last]!,
        baselineMedian: score.median,
        baselineMad: score.mad,
        z: Math.round(score.z * 100) / 100,
        direction: score.z > 0 ? 'high' : 'low',
        baselineBuckets: last - first,
      });
    }
    return out;
  }
}

export function splitKey(key: string): ['type' | 'cell', string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as 'type' | 'cell', key.slice(colon + 1)];
}

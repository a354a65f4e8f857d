import type { AnomalyReport } from '../../model/index.js';
import { readGovernanceHistory } from '../facts/governance-history.js';
import { activityOwners } from '../live/process-map.js';
import { readLiveLog, type LiveLogSource } from '../live/read-live-log.js';
import type { Bucket } from '../stats/time-buckets.js';
import { rankAnomalies } from './anomaly.js';
import { bucketRange } from './bucket-range.js';
import { findLateEscalations } from './late-escalations.js';
import { latencyAnomalies } from './latency-anomalies.js';
import { findStalledCases } from './stalled-cases.js';
import { VolumeTally } from './volume-tally.js';

/** How anomalies are judged; see ARCHITECTURE.md for why these defaults. */
export interface AnomalyOptions {
  bucket: Bucket;
  /** Complete buckets read: the last is judged, the others are its baseline. */
  buckets: number;
  /** Buckets of history a key needs before it is judged. */
  minBaseline: number;
  /** Waits a bucket needs before its latency is judged. */
  minEvents: number;
  /** A tension raised later than this after its first signal is a late escalation. */
  lateAfterMs: number;
  /** Gaps an activity needs before a case waiting after it can be called stalled. */
  minGapSamples: number;
  /** Longest lists returned. */
  top: number;
}

export type { AnomalyReport } from '../../model/index.js';

/** Reads the range once from the store (bounded: one batch of rows and the columns of the range) and judges it. */
export async function detectAnomalies(
  source: LiveLogSource,
  now: Date,
  options: AnomalyOptions,
): Promise<AnomalyReport> {
  const range = bucketRange(now, options.bucket, options.buckets);
  const volume = new VolumeTally(range, source.ownerOfType);
  const live = await readLiveLog(source, { fromMs: range.fromMs, toMs: now.getTime() + 1 }, volume.observe);
  const owners = new Map(activityOwners(live.log, source.ownerOfType).map((o) => [o.activity, o.cell]));
  const anomalies = rankAnomalies([
    ...volume.anomalies(options.minBaseline),
    ...latencyAnomalies(live.log, range, { minBaseline: options.minBaseline, minEvents: options.minEvents }),
  ]);
  const stalled = findStalledCases(live.log, now.getTime(), (activity) => owners.get(activity) ?? null, {
    minSamples: options.minGapSamples,
  });
  const history = await readGovernanceHistory(source.events, { toMs: now.getTime() + 1 });
  return {
    schema: 'cello.anomalies/1',
    generatedAt: now.toISOString(),
    bucket: options.bucket,
    from: new Date(range.fromMs).toISOString(),
    judgedBucketStart: new Date(range.toMs - range.size).toISOString(),
    anomalies: anomalies.slice(0, options.top),
    lateEscalations: (({ late, ...rest }) => ({ ...rest, late: late.slice(0, options.top) }))(
      findLateEscalations(history.tensions, { lateAfterMs: options.lateAfterMs, fromMs: range.fromMs }),
    ),
    stalledCases: { total: stalled.length, cases: stalled.slice(0, options.top) },
  };
}

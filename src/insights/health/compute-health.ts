import type { Manifest } from '../../model/index.js';
import { EVENT_COLUMN as C } from '../../store/index.js';
import { readGovernanceHistory } from '../facts/governance-history.js';
import { readLiveLog, type LiveLogSource } from '../live/read-live-log.js';
import { bucketSize, bucketStart } from '../stats/time-buckets.js';
import { caseRework } from './case-rework.js';
import { buildHealthReport, type HealthOptions, type HealthReport } from './health-report.js';

/** Reads what the health report needs (the weeks of the trend from the live log, governance facts) and builds it. */
export async function computeHealth(
  source: LiveLogSource,
  manifests: readonly Manifest[],
  now: Date,
  options: HealthOptions,
): Promise<HealthReport> {
  const fromMs = bucketStart(now.getTime(), 'week') - (options.weeks - 1) * bucketSize('week');
  const typesSeen = new Map<string, number>();
  const live = await readLiveLog(source, { fromMs, toMs: now.getTime() + 1 }, (row) => {
    const type = row[C.type];
    typesSeen.set(type, (typesSeen.get(type) ?? 0) + 1);
  });
  const history = await readGovernanceHistory(source.events, { toMs: now.getTime() + 1 });
  return buildHealthReport({ now, manifests, history, cases: caseRework(live.log), typesSeen }, options);
}

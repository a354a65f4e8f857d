import type { StalledCase } from '../../model/index.js';
import { compareText } from '../mining/compare-text.js';
import type { ColumnarEventLog } from '../mining/index.js';
import { quantileOf } from '../stats/quantiles.js';

export type { StalledCase } from '../../model/index.js';

/**
 * Stalled cases: open cases whose last event is older than the 90th percentile of the gaps that follow their last
 * activity. A case is open when its last activity is one cases usually continue from (more continuations than
 * endings across the log) and that has at least `minSamples` observed gaps; any other last activity is taken as an
 * end. Ranked by how far past the percentile they are (idle ÷ p90), ties by case id.
 */
export function findStalledCases(
  log: ColumnarEventLog,
  nowMs: number,
  ownerOf: (activity: string) => string | null,
  options: { minSamples: number },
): StalledCase[] {
  const k = log.activityNames.length;
  const gaps: number[][] = Array.from({ length: k }, () => []);
  const next = new Map<number, Map<number, number>>();
  const endings = new Int32Array(k);
  for (let c = 0; c < log.caseIds.length; c++) {
    const last = log.caseOffsets[c + 1]! - 1;
    for (let i = log.caseOffsets[c]!; i < last; i++) {
      const a = log.activity[i]!;
      gaps[a]!.push(log.timestamp[i + 1]! - log.timestamp[i]!);
      let followers = next.get(a);
      if (!followers) next.set(a, (followers = new Map()));
      const b = log.activity[i + 1]!;
      followers.set(b, (followers.get(b) ?? 0) + 1);
    }
    if (last >= log.caseOffsets[c]!) endings[log.activity[last]!]!++;
  }
  const p90 = gaps.map((g) => (g.length >= options.minSamples ? quantileOf(g, 0.9) : null));
  const stalled: (StalledCase & { ratio: number })[] = [];
  for (let c = 0; c < log.caseIds.length; c++) {
    const last = log.caseOffsets[c + 1]! - 1;
    if (last < log.caseOffsets[c]!) continue;
    const a = log.activity[last]!;
    const threshold = p90[a];
    if (threshold === null || threshold === undefined || endings[a]! >= gaps[a]!.length) continue;
    const idleMs = nowMs - log.timestamp[last]!;
    if (idleMs <= threshold) continue;
    const expected = mostFrequent(next.get(a));
    const expectedNext = expected === undefined ? null : log.activityNames[expected]!;
    stalled.push({
      case: log.caseIds[c]!,
      lastActivity: log.activityNames[a]!,
      lastEventAt: new Date(log.timestamp[last]!).toISOString(),
      idleMs,
      p90GapMs: threshold,
      gapSamples: gaps[a]!.length,
      expectedNext,
      waitingOn: expectedNext === null ? null : ownerOf(expectedNext),
      ratio: threshold > 0 ? idleMs / threshold : Number.POSITIVE_INFINITY,
    });
  }
  return stalled
    .sort((x, y) => y.ratio - x.ratio || compareText(x.case, y.case))
    .map(({ ratio: _ratio, ...rest }) => rest);
}

function mostFrequent(counts: Map<number, number> | undefined): number | undefined {
  let best: number | undefined;
  for (const [activity, count] of counts ?? []) if (best === undefined || count > counts!.get(best)!) best = activity;
  return best;
}

import { percentile, roundMs, summarizeDurations } from './duration-summary.js';
import type { LogView } from './log-view.js';
import type { CaseDurations } from './mining-result.js';

/** A case's duration is its last minus its first timestamp; summarized over all cases, with the 90th percentile. */
export function caseDurations(view: LogView): CaseDurations {
  const caseCount = view.caseIndex.length;
  const ts = view.log.timestamp;
  const durations = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    durations[c] = ts[view.events[view.caseOffsets[c + 1]! - 1]!]! - ts[view.events[view.caseOffsets[c]!]!]!;
  }
  durations.sort();
  const p90 = percentile(durations, 0.9);
  return { count: caseCount, ...summarizeDurations(durations), p90Ms: p90 === null ? null : roundMs(p90) };
}

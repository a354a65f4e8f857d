import { percentileUnsorted, roundMs, summarizeUnsorted } from './duration-summary.js';
import type { LogView } from './log-view.js';
import type { CaseDurations } from './mining-result.js';

/** A case's duration is its last minus its first timestamp; summarized over all cases, with the 90th percentile. */
export function caseDurations(view: LogView): CaseDurations {
  const { caseCount, caseOffsets, timestamp } = view;
  const durations = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) durations[c] = timestamp[caseOffsets[c + 1]! - 1]! - timestamp[caseOffsets[c]!]!;
  const summary = summarizeUnsorted(durations);
  const p90 = percentileUnsorted(durations, 0.9);
  return { count: caseCount, ...summary, p90Ms: p90 === null ? null : roundMs(p90) };
}

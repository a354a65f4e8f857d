import type { LogView } from './log-view.js';
import type { Variant } from './mining-result.js';
import { roundShare } from './round-share.js';

/**
 * Groups cases by their exact activity sequence. Ranked by case count (descending), ties by first
 * occurrence: the variant whose first case appears earlier in the input comes first.
 */
export function findVariants(view: LogView): Variant[] {
  const caseCount = view.caseIndex.length;
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const firstCase: number[] = [];
  const sequence: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    sequence.length = 0;
    for (let e = view.caseOffsets[c]!; e < view.caseOffsets[c + 1]!; e++) sequence.push(view.activity[e]!);
    const key = sequence.join(',');
    const id = ids.get(key);
    if (id === undefined) {
      ids.set(key, counts.length);
      counts.push(1);
      firstCase.push(c);
    } else {
      counts[id]!++;
    }
  }
  // View cases are in log case order, which is the order of first appearance in the input.
  const order = counts.map((_, id) => id).sort((a, b) => counts[b]! - counts[a]! || firstCase[a]! - firstCase[b]!);
  return order.map((id) => {
    const c = firstCase[id]!;
    const activities: string[] = [];
    for (let e = view.caseOffsets[c]!; e < view.caseOffsets[c + 1]!; e++) activities.push(view.activityNames[view.activity[e]!]!);
    return { activities, count: counts[id]!, share: roundShare(counts[id]! / caseCount) };
  });
}

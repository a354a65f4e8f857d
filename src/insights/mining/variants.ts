import type { LogView } from './log-view.js';
import type { Variant } from './mining-result.js';
import { roundShare } from './round-share.js';

/**
 * Groups cases by their exact activity sequence. Ranked by case count (descending), ties by first
 * occurrence: the variant whose first case appears earlier in the input comes first.
 */
export function findVariants(view: LogView): Variant[] {
  const { activity, caseCount, caseOffsets } = view;
  // Variants are found by a hash of the activity sequence; sequences whose hashes collide are chained and compared.
  const firstWithHash = new Map<number, number>();
  const nextWithHash: number[] = [];
  const counts: number[] = [];
  const firstCase: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const hash = sequenceHash(activity, caseOffsets[c]!, caseOffsets[c + 1]!);
    let id = firstWithHash.get(hash) ?? -1;
    let previous = -1;
    while (id >= 0 && !sameSequence(view, firstCase[id]!, c)) {
      previous = id;
      id = nextWithHash[id]!;
    }
    if (id < 0) {
      id = counts.length;
      counts.push(0);
      firstCase.push(c);
      nextWithHash.push(-1);
      if (previous < 0) firstWithHash.set(hash, id);
      else nextWithHash[previous] = id;
    }
    counts[id]!++;
  }
  // View cases are in log case order, which is the order of first appearance in the input.
  const order = counts.map((_, id) => id).sort((a, b) => counts[b]! - counts[a]! || firstCase[a]! - firstCase[b]!);
  return order.map((id) => {
    const c = firstCase[id]!;
    const activities: string[] = [];
    for (let e = caseOffsets[c]!; e < caseOffsets[c + 1]!; e++) activities.push(view.activityNames[activity[e]!]!);
    return { activities, count: counts[id]!, share: roundShare(counts[id]! / caseCount) };
  });
}

/** FNV-1a over the activity indexes and the length, cut to 30 bits so the map key stays a small integer. */
function sequenceHash(activity: Int32Array, from: number, to: number): number {
  let hash = 0x811c9dc5 ^ (to - from);
  for (let e = from; e < to; e++) hash = Math.imul(hash ^ activity[e]!, 0x01000193);
  return hash & 0x3fffffff;
}

function sameSequence(view: LogView, a: number, b: number): boolean {
  const { activity, caseOffsets } = view;
  const length = caseOffsets[a + 1]! - caseOffsets[a]!;
  if (caseOffsets[b + 1]! - caseOffsets[b]! !== length) return false;
  for (let i = 0, x = caseOffsets[a]!, y = caseOffsets[b]!; i < length; i++)
    if (activity[x + i] !== activity[y + i]) return false;
  return true;
}

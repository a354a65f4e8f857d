import { compareText } from './compare-text.js';
import type { LogView } from './log-view.js';
import type { Handover } from './mining-result.js';

/**
 * Handover of work: a → b each time an event by resource a is directly followed, in the same case,
 * by an event by a different resource b. Pairs where either event has no resource are not counted.
 * Ranked by count (descending), ties by from, then to.
 */
export function findHandovers(view: LogView): Handover[] {
  const resource = view.resource;
  const r = view.log.resourceNames.length;
  const counts = new Map<number, number>();
  for (let c = 0; c < view.caseCount; c++) {
    const last = view.caseOffsets[c + 1]! - 1;
    for (let e = view.caseOffsets[c]!; e < last; e++) {
      const a = resource[e]!;
      const b = resource[e + 1]!;
      if (a < 0 || b < 0 || a === b) continue;
      const key = a * r + b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const names = view.log.resourceNames;
  const result: Handover[] = [];
  for (const [key, count] of counts) result.push({ from: names[Math.floor(key / r)]!, to: names[key % r]!, count });
  return result.sort((x, y) => y.count - x.count || compareText(x.from, y.from) || compareText(x.to, y.to));
}

/** Distinct resources among the view's events. */
export function countResources(view: LogView): number {
  const seen = new Uint8Array(view.log.resourceNames.length);
  let count = 0;
  for (let e = 0; e < view.eventCount; e++) {
    const r = view.resource[e]!;
    if (r >= 0 && seen[r] === 0) {
      seen[r] = 1;
      count++;
    }
  }
  return count;
}

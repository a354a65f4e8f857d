import { compareText } from './compare-text.js';
import { summarizeDurations } from './duration-summary.js';
import type { LogView } from './log-view.js';
import type { DirectlyFollowsEdge } from './mining-result.js';

/** Above this many activity pairs a map replaces the dense edge matrix. */
const DENSE_LIMIT = 1 << 22;

/**
 * The directly-follows graph: for each pair of consecutive events in a case, an edge from the first
 * activity to the second, with its frequency and the time between the two events (mean, median, min,
 * max). Durations are gathered per edge into one typed array (a counting sort), then each edge's slice
 * is sorted for its median. Ranked by frequency (descending), ties by from, then to.
 */
export function directlyFollows(view: LogView): DirectlyFollowsEdge[] {
  const k = view.activityNames.length;
  const m = view.events.length;
  const ts = view.log.timestamp;
  const dense = k * k <= DENSE_LIMIT ? new Int32Array(k * k).fill(-1) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const edgeOfPair = new Int32Array(Math.max(m - 1, 0)).fill(-1);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const frequency: number[] = [];
  for (let c = 0; c < view.caseIndex.length; c++) {
    const to = view.caseOffsets[c + 1]! - 1;
    for (let e = view.caseOffsets[c]!; e < to; e++) {
      const a = view.activity[e]!;
      const b = view.activity[e + 1]!;
      const slot = a * k + b;
      let edge = dense ? dense[slot]! : (sparse!.get(slot) ?? -1);
      if (edge < 0) {
        edge = frequency.length;
        if (dense) dense[slot] = edge;
        else sparse!.set(slot, edge);
        edgeFrom.push(a);
        edgeTo.push(b);
        frequency.push(0);
      }
      frequency[edge]!++;
      edgeOfPair[e] = edge;
    }
  }
  const offsets = new Int32Array(frequency.length + 1);
  for (let g = 0; g < frequency.length; g++) offsets[g + 1] = offsets[g]! + frequency[g]!;
  const fill = offsets.slice(0, frequency.length);
  const durations = new Float64Array(offsets[frequency.length]!);
  for (let e = 0; e < edgeOfPair.length; e++) {
    const edge = edgeOfPair[e]!;
    if (edge >= 0) durations[fill[edge]!++] = ts[view.events[e + 1]!]! - ts[view.events[e]!]!;
  }
  const edges: DirectlyFollowsEdge[] = [];
  for (let g = 0; g < frequency.length; g++) {
    const slice = durations.subarray(offsets[g]!, offsets[g + 1]!).sort();
    edges.push({
      from: view.activityNames[edgeFrom[g]!]!,
      to: view.activityNames[edgeTo[g]!]!,
      frequency: frequency[g]!,
      performance: summarizeDurations(slice),
    });
  }
  return edges.sort((x, y) => y.frequency - x.frequency || compareText(x.from, y.from) || compareText(x.to, y.to));
}

import { compareText } from './compare-text.js';
import { summarizeUnsorted } from './duration-summary.js';
import type { LogView } from './log-view.js';
import type { DirectlyFollowsEdge } from './mining-result.js';

/** Above this many activity pairs a map replaces the dense edge matrix. */
const DENSE_LIMIT = 1 << 22;

/**
 * The directly-follows graph: for each pair of consecutive events in a case, an edge from the first
 * activity to the second, with its frequency and the time between the two events (mean, median, min,
 * max). Durations are gathered per edge into one typed array (a counting sort), then each edge's slice
 * is summarized (its median by selection). Ranked by frequency (descending), ties by from, then to.
 */
export function directlyFollows(view: LogView): DirectlyFollowsEdge[] {
  const { activity, caseCount, caseOffsets, timestamp } = view;
  const k = view.activityNames.length;
  const dense = k * k <= DENSE_LIMIT ? new Int32Array(k * k).fill(-1) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  // The edge of the pair starting at each event (the last event of a case starts none).
  const edgeOfPair = new Int32Array(view.eventCount);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const frequency: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const last = caseOffsets[c + 1]! - 1;
    for (let e = caseOffsets[c]!; e < last; e++) {
      const a = activity[e]!;
      const b = activity[e + 1]!;
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
  const edgeCount = frequency.length;
  const offsets = new Int32Array(edgeCount + 1);
  for (let g = 0; g < edgeCount; g++) offsets[g + 1] = offsets[g]! + frequency[g]!;
  const fill = offsets.slice(0, edgeCount);
  const durations = new Float64Array(offsets[edgeCount]!);
  for (let c = 0; c < caseCount; c++) {
    const last = caseOffsets[c + 1]! - 1;
    for (let e = caseOffsets[c]!; e < last; e++) durations[fill[edgeOfPair[e]!]!++] = timestamp[e + 1]! - timestamp[e]!;
  }
  const edges: DirectlyFollowsEdge[] = [];
  for (let g = 0; g < edgeCount; g++) {
    edges.push({
      from: view.activityNames[edgeFrom[g]!]!,
      to: view.activityNames[edgeTo[g]!]!,
      frequency: frequency[g]!,
      performance: summarizeUnsorted(durations.subarray(offsets[g]!, offsets[g + 1]!)),
    });
  }
  return edges.sort((x, y) => y.frequency - x.frequency || compareText(x.from, y.from) || compareText(x.to, y.to));
}

import { compareText } from './compare-text.js';
import { roundMs } from './duration-summary.js';
import type { Bottleneck, DirectlyFollowsEdge } from './mining-result.js';

/**
 * Bottleneck edges: directly-follows edges ranked by median waiting time weighted by frequency
 * (weightedWaitMs = medianMs × frequency, the waiting an edge accounts for if every passage took its
 * median), descending; ties by the higher median, then from, then to. Edges with a zero median are left out.
 */
export function rankBottlenecks(edges: DirectlyFollowsEdge[]): Bottleneck[] {
  const result: Bottleneck[] = [];
  for (const edge of edges) {
    const { medianMs, meanMs } = edge.performance;
    if (medianMs === null || meanMs === null || medianMs <= 0) continue;
    result.push({
      from: edge.from,
      to: edge.to,
      frequency: edge.frequency,
      medianMs,
      meanMs,
      weightedWaitMs: roundMs(medianMs * edge.frequency),
    });
  }
  return result.sort(
    (x, y) =>
      y.weightedWaitMs - x.weightedWaitMs ||
      y.medianMs - x.medianMs ||
      compareText(x.from, y.from) ||
      compareText(x.to, y.to),
  );
}

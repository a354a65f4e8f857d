import type { SloSignal } from './slo-measurement.js';

/** Requests in time order, each with the time of the response that answered it. */
export interface PairedSignals {
  /** The requests sorted by time, then seq. */
  requests: SloSignal[];
  /** When `requests[i]` was answered (epoch ms); NaN when no response answered it. */
  answeredAtMs: Float64Array;
  /** Responses that found no open request with their key (ignored). */
  unmatchedResponses: number;
}

const byTime = (a: SloSignal, b: SloSignal) => a.timeMs - b.timeMs || a.seq - b.seq;

/**
 * Pairs requests with responses: a response answers the oldest open request with the same key that came at or
 * before it (first in, first out). Pairing does not depend on the promised time, so one pairing serves every SLO
 * of the same request and response types, over a window or bucket by bucket.
 */
export function pairSignals(requests: readonly SloSignal[], responses: readonly SloSignal[]): PairedSignals {
  const sortedRequests = [...requests].sort(byTime);
  const sortedResponses = [...responses].sort(byTime);
  const answeredAtMs = new Float64Array(sortedRequests.length).fill(Number.NaN);
  const open = new Map<string, number[]>();
  let r = 0;
  let unmatchedResponses = 0;
  for (const response of sortedResponses) {
    // Requests at the same instant as a response come first: an answer in the same millisecond counts.
    for (; r < sortedRequests.length && sortedRequests[r]!.timeMs <= response.timeMs; r++) {
      const key = sortedRequests[r]!.key;
      let queue = open.get(key);
      if (!queue) open.set(key, (queue = []));
      queue.push(r);
    }
    const index = open.get(response.key)?.shift();
    if (index === undefined) unmatchedResponses++;
    else answeredAtMs[index] = response.timeMs;
  }
  return { requests: sortedRequests, answeredAtMs, unmatchedResponses };
}

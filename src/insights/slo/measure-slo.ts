import { medianOf, quantileOf, roundShare } from '../stats/quantiles.js';

/** A request or response of an SLO, reduced to what pairing needs. */
export interface SloSignal {
  seq: number;
  timeMs: number;
  /** The correlation key: the subject, or the value of the named extension. */
  key: string;
}

/** What one SLO looks like over its window. */
export interface SloMeasurement {
  /** Requests in the window whose outcome is known (met + missed). */
  counted: number;
  met: number;
  missed: number;
  /** Unanswered requests whose deadline has not passed yet: not counted either way. */
  pending: number;
  /** met / counted, rounded to 4 decimals; null when nothing was counted. */
  compliance: number | null;
  /** Time to answer, over answered requests in the window. */
  latency: { medianMs: number | null; p90Ms: number | null; answered: number };
  /** Responses that found no open request with their key (ignored). */
  unmatchedResponses: number;
  /** Seqs of the first missed requests, oldest first (at most 10). */
  missedSeqs: number[];
  /** The earliest deadline a missed request passed: when the gap first showed. */
  firstMissAtMs: number | null;
}

const EXAMPLES = 10;

/**
 * Pairs requests with responses and counts the requests answered within `withinMs`. A response answers the oldest
 * open request with the same key that came before it (first in, first out). Requests before `fromMs` are read
 * only so that their late responses do not answer newer requests; requests from `fromMs` to `nowMs` count.
 */
export function measureSlo(requests: SloSignal[], responses: SloSignal[], window: { fromMs: number; nowMs: number; withinMs: number }): SloMeasurement {
  const byTime = (a: SloSignal, b: SloSignal) => a.timeMs - b.timeMs || a.seq - b.seq;
  const sortedRequests = [...requests].sort(byTime);
  const sortedResponses = [...responses].sort(byTime);
  const answeredAt = new Map<SloSignal, number>();
  const open = new Map<string, SloSignal[]>();
  let r = 0;
  let unmatchedResponses = 0;
  for (const response of sortedResponses) {
    // Requests at the same instant as a response come first: an answer in the same millisecond counts.
    for (; r < sortedRequests.length && sortedRequests[r]!.timeMs <= response.timeMs; r++) {
      const request = sortedRequests[r]!;
      let queue = open.get(request.key);
      if (!queue) open.set(request.key, (queue = []));
      queue.push(request);
    }
    const queue = open.get(response.key);
    const request = queue?.shift();
    if (request) answeredAt.set(request, response.timeMs);
    else unmatchedResponses++;
  }
  let met = 0;
  let missed = 0;
  let pending = 0;
  let firstMissAtMs: number | null = null;
  const latencies: number[] = [];
  const missedSeqs: number[] = [];
  for (const request of sortedRequests) {
    if (request.timeMs < window.fromMs || request.timeMs > window.nowMs) continue;
    const deadline = request.timeMs + window.withinMs;
    const at = answeredAt.get(request);
    if (at !== undefined) latencies.push(at - request.timeMs);
    if (at !== undefined && at - request.timeMs <= window.withinMs) {
      met++;
    } else if (at !== undefined || deadline < window.nowMs) {
      missed++;
      if (missedSeqs.length < EXAMPLES) missedSeqs.push(request.seq);
      if (firstMissAtMs === null || deadline < firstMissAtMs) firstMissAtMs = deadline;
    } else {
      pending++;
    }
  }
  const counted = met + missed;
  return {
    counted,
    met,
    missed,
    pending,
    compliance: counted === 0 ? null : roundShare(met / counted),
    latency: { medianMs: medianOf(latencies), p90Ms: quantileOf(latencies, 0.9), answered: latencies.length },
    unmatchedResponses,
    missedSeqs,
    firstMissAtMs,
  };
}

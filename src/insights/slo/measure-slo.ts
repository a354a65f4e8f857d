import { pairSignals } from './pair-signals.js';
import type { SloMeasurement, SloSignal } from './slo-measurement.js';
import { SloTally } from './slo-tally.js';

export type { SloMeasurement, SloSignal } from './slo-measurement.js';

/**
 * Pairs requests with responses and counts the requests answered within `withinMs`. A response answers the oldest
 * open request with the same key that came before it (first in, first out). Requests before `fromMs` are read
 * only so that their late responses do not answer newer requests; requests from `fromMs` to `nowMs` count.
 */
export function measureSlo(
  requests: SloSignal[],
  responses: SloSignal[],
  window: { fromMs: number; nowMs: number; withinMs: number },
): SloMeasurement {
  const paired = pairSignals(requests, responses);
  const tally = new SloTally(window.withinMs, window.nowMs);
  paired.requests.forEach((request, i) => {
    if (request.timeMs >= window.fromMs && request.timeMs <= window.nowMs) tally.add(request, paired.answeredAtMs[i]!);
  });
  return tally.measurement(paired.unmatchedResponses);
}

import { medianOf, quantileOf, roundShare } from '../stats/quantiles.js';
import type { SloMeasurement, SloSignal } from './slo-measurement.js';

const EXAMPLES = 10;

/**
 * Judges paired requests against a promise, as of `nowMs`: met when answered within `withinMs`, missed when
 * answered later or not answered by its deadline, pending while the deadline is still ahead. One tally measures
 * an SLO's window; a time series keeps one per bucket.
 */
export class SloTally {
  private met = 0;
  private missed = 0;
  private pending = 0;
  private firstMissAtMs: number | null = null;
  private readonly latencies: number[] = [];
  private readonly missedSeqs: number[] = [];

  constructor(
    private readonly withinMs: number,
    private readonly nowMs: number,
  ) {}

  /** Counts one request; `answeredAtMs` is NaN when nothing answered it. */
  add(request: SloSignal, answeredAtMs: number): void {
    const answered = !Number.isNaN(answeredAtMs);
    const deadline = request.timeMs + this.withinMs;
    if (answered) this.latencies.push(answeredAtMs - request.timeMs);
    if (answered && answeredAtMs - request.timeMs <= this.withinMs) {
      this.met++;
    } else if (answered || deadline < this.nowMs) {
      this.missed++;
      if (this.missedSeqs.length < EXAMPLES) this.missedSeqs.push(request.seq);
      if (this.firstMissAtMs === null || deadline < this.firstMissAtMs) this.firstMissAtMs = deadline;
    } else {
      this.pending++;
    }
  }

  /** The figures of the requests added so far. */
  measurement(unmatchedResponses = 0): SloMeasurement {
    const counted = this.met + this.missed;
    return {
      counted,
      met: this.met,
      missed: this.missed,
      pending: this.pending,
      compliance: counted === 0 ? null : roundShare(this.met / counted),
      latency: {
        medianMs: medianOf(this.latencies),
        p90Ms: quantileOf(this.latencies, 0.9),
        answered: this.latencies.length,
      },
      unmatchedResponses,
      missedSeqs: [...this.missedSeqs],
      firstMissAtMs: this.firstMissAtMs,
    };
  }
}

/** A request or response of an SLO, reduced to what pairing needs. */
export interface SloSignal {
  seq: number;
  timeMs: number;
  /** The correlation key: the subject, or the value of the named extension. */
  key: string;
}

/** What one SLO looks like over a stretch of time (its window, or one bucket of a time series). */
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

/** Mean, median, minimum and maximum of a set of durations, in milliseconds; `null` when there are none. */
export interface DurationSummary {
  meanMs: number | null;
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
}

/** Rounds to the microsecond: timestamps keep microseconds, and float noise below that means nothing. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * The `p`-quantile (0..1) of ascending values by linear interpolation between the closest ranks
 * (NumPy's default, Excel's PERCENTILE.INC): rank h = (n − 1)·p, value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentile(sorted: Float64Array, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The median of ascending values; for an even count, the mean of the two middle values. */
export function median(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Summarizes ascending durations (rounded to the microsecond). */
export function summarizeDurations(sorted: Float64Array): DurationSummary {
  const n = sorted.length;
  if (n === 0) return { meanMs: null, medianMs: null, minMs: null, maxMs: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { meanMs: roundMs(sum / n), medianMs: roundMs(median(sorted)!), minMs: roundMs(sorted[0]!), maxMs: roundMs(sorted[n - 1]!) };
}

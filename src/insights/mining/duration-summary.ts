import type { DurationSummary } from '../../model/index.js';
import { maxBefore, minFrom, selectRank } from './select-rank.js';

export type { DurationSummary } from '../../model/index.js';

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
  return {
    meanMs: roundMs(sum / n),
    medianMs: roundMs(median(sorted)!),
    minMs: roundMs(sorted[0]!),
    maxMs: roundMs(sorted[n - 1]!),
  };
}

/**
 * Summarizes durations in any order, as {@link summarizeDurations} does sorted ones, without sorting them where the
 * result cannot differ: whole milliseconds sum exactly in any order, so only the median needs a selection. Other
 * values are sorted first, because float sums depend on their order. Reorders `values`.
 */
export function summarizeUnsorted(values: Float64Array): DurationSummary {
  const n = values.length;
  if (n === 0) return { meanMs: null, medianMs: null, minMs: null, maxMs: null };
  let sum = 0;
  let magnitude = 0;
  let min = values[0]!;
  let max = values[0]!;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    magnitude += Math.abs(v);
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (!whole || magnitude > Number.MAX_SAFE_INTEGER) return summarizeDurations(values.sort());
  return {
    meanMs: roundMs(sum / n),
    medianMs: roundMs(medianUnsorted(values)),
    minMs: roundMs(min),
    maxMs: roundMs(max),
  };
}

/** {@link median} of a non-empty set of values in any order, by selection (linear time). Reorders `values`. */
function medianUnsorted(values: Float64Array): number {
  const mid = values.length >> 1;
  const upper = selectRank(values, mid);
  // After the selection every value before `mid` is at most `upper`: the rank below is the largest of them.
  return values.length % 2 === 1 ? upper : (maxBefore(values, mid) + upper) / 2;
}

/** {@link percentile} of values in any order, by selection (linear time). Reorders `values`. */
export function percentileUnsorted(values: Float64Array, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = selectRank(values, lo);
  // After the selection every value past `lo` is at least `low`: the next rank is the smallest of them.
  const high = lo + 1 < n ? minFrom(values, lo + 1) : low;
  return low + (h - lo) * (high - low);
}

import { median as sortedMedian, percentile } from '../mining/duration-summary.js';

/** The median of unsorted values (even count: mean of the two middle ones); null for none. */
export function medianOf(values: ArrayLike<number>): number | null {
  return sortedMedian(Float64Array.from(values).sort());
}

/** The p-quantile (0..1) of unsorted values, linear between closest ranks (as the mining figures); null for none. */
export function quantileOf(values: ArrayLike<number>, p: number): number | null {
  return percentile(Float64Array.from(values).sort(), p);
}

/** Rounds a share to 4 decimals, as the mining figures do. */
export function roundShare(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}

/** Every feature is cut into at most this many bins, so one byte holds a binned value and 64 bits a set of bins. */
export const MAX_BINS = 64;

/** Whether a feature is a quantity (split by threshold) or a category (split by a set of categories). */
export type FeatureKind = 'number' | 'category';

/**
 * How one feature's values become bins. Bin 0 is "no value" (NaN) for both kinds. A number goes to
 * 1 + the count of thresholds at or below it; category `c` (0-based) goes to bin `c + 1`.
 */
export interface FeatureBins {
  readonly kind: FeatureKind;
  /** Ascending cut points of a number feature (empty for a category). */
  readonly thresholds: Float64Array;
  /** Bins in use, "no value" included. */
  readonly count: number;
}

/**
 * Fits bins to training values: a category keeps its codes (at most MAX_BINS − 1 of them); a number gets cut
 * points at its quantiles, so each bin holds about as many training values.
 */
export function fitFeatureBins(values: Float64Array, kind: FeatureKind, categories = 0): FeatureBins {
  if (kind === 'category') return { kind, thresholds: new Float64Array(0), count: categories + 1 };
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const cuts: number[] = [];
  const slots = MAX_BINS - 1;
  for (let q = 1; q < slots && present.length > 0; q++) {
    const value = present[Math.floor((q * present.length) / slots)]!;
    if (cuts.length === 0 || value > cuts[cuts.length - 1]!) cuts.push(value);
  }
  // The smallest value needs a bin of its own below the first cut.
  if (present.length > 0 && cuts[0] === present[0]) cuts.shift();
  return { kind, thresholds: Float64Array.from(cuts), count: cuts.length + 2 };
}

/** The bin of one value. */
export function binOf(bins: FeatureBins, value: number): number {
  if (Number.isNaN(value)) return 0;
  if (bins.kind === 'category') return value + 1;
  const cuts = bins.thresholds;
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (value < cuts[middle]!) high = middle;
    else low = middle + 1;
  }
  return low + 1;
}

import { medianOf } from '../stats/quantiles.js';

/** Scores at or beyond this (in absolute value) are anomalies: Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const ANOMALY_THRESHOLD = 3.5;

/** How far a value lies from a baseline, in robust standard deviations. */
export interface RobustScore {
  median: number;
  /** Median absolute deviation from the median. */
  mad: number;
  /** The robust standard deviation used: 1.4826 × MAD, else 1.2533 × mean absolute deviation, never below the floor. */
  scale: number;
  /** (value − median) / scale. */
  z: number;
}

/**
 * The modified z-score of `value` against `baseline`: robust to the outliers a baseline of real traffic holds
 * (a mean and standard deviation would be dragged by them). When more than half the baseline is one value the
 * MAD is 0; the mean absolute deviation (× 1.2533) stands in, and `floor` keeps a flat baseline from turning
 * every small wobble into an anomaly. Null for an empty baseline.
 */
export function robustScore(value: number, baseline: ArrayLike<number>, floor: number): RobustScore | null {
  const median = medianOf(baseline);
  if (median === null) return null;
  const deviations = Array.from(baseline, (x) => Math.abs(x - median));
  const mad = medianOf(deviations)!;
  const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  const scale = Math.max(mad > 0 ? 1.4826 * mad : 1.2533 * meanDeviation, floor);
  return { median, mad, scale, z: (value - median) / scale };
}

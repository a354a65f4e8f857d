import { describe, expect, it } from 'vitest';
import { median, percentile, summarizeDurations } from './duration-summary.js';

const sorted = (...values: number[]) => Float64Array.from(values).sort();

describe('duration statistics', () => {
  it('takes the mean of the two middle values as the median of an even count', () => {
    expect(median(sorted(10, 20, 30, 40))).toBe(25);
    expect(median(sorted(10, 20, 30))).toBe(20);
  });

  it('interpolates percentiles linearly between closest ranks', () => {
    // rank (5 − 1) · 0.9 = 3.6 → 50 + 0.6 · (60 − 50)
    expect(percentile(sorted(30, 30, 45, 50, 60), 0.9)).toBeCloseTo(56, 9);
    expect(percentile(sorted(7), 0.9)).toBe(7);
    expect(percentile(sorted(), 0.9)).toBeNull();
  });

  it('summarizes nothing as nulls', () => {
    expect(summarizeDurations(sorted())).toEqual({ meanMs: null, medianMs: null, minMs: null, maxMs: null });
    expect(summarizeDurations(sorted(1, 2, 6))).toEqual({ meanMs: 3, medianMs: 2, minMs: 1, maxMs: 6 });
  });
});

import { describe, expect, it } from 'vitest';
import { ANOMALY_THRESHOLD, robustScore } from './robust-score.js';

describe('robustScore', () => {
  it('scores against the median and 1.4826 × MAD, unmoved by an outlier in the baseline', () => {
    const baseline = [10, 12, 11, 9, 10, 11, 500];
    const score = robustScore(30, baseline, 1)!;
    expect(score.median).toBe(11);
    expect(score.mad).toBe(1);
    expect(score.scale).toBeCloseTo(1.4826);
    expect(score.z).toBeCloseTo(19 / 1.4826);
    expect(Math.abs(robustScore(12, baseline, 1)!.z)).toBeLessThan(ANOMALY_THRESHOLD);
  });

  it('falls back to the mean absolute deviation when most of the baseline is one value, and never below the floor', () => {
    const mostlyZero = [0, 0, 0, 0, 0, 4];
    const score = robustScore(4, mostlyZero, 1)!;
    expect(score.mad).toBe(0);
    expect(score.scale).toBeCloseTo(Math.max(1.2533 * (4 / 6), 1));
    const flat = robustScore(1, [0, 0, 0, 0], 1)!;
    expect(flat.scale).toBe(1);
    expect(flat.z).toBe(1);
  });

  it('has nothing to say without a baseline', () => {
    expect(robustScore(3, [], 1)).toBeNull();
  });
});

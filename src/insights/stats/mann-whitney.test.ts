import { describe, expect, it } from 'vitest';
import { mannWhitneyLess, normalCdf } from './mann-whitney.js';

describe('mannWhitneyLess', () => {
  it('finds clearly smaller values with a small p-value, and counts pairs in U', () => {
    const fast = [1, 2, 3, 4, 5];
    const slow = [6, 7, 8, 9, 10];
    const result = mannWhitneyLess(fast, slow)!;
    expect(result.u).toBe(25);
    // scipy.stats.mannwhitneyu(fast, slow, alternative='less', method='asymptotic') gives p = 0.0061.
    expect(result.pValue).toBeCloseTo(0.0061, 3);
  });

  it('sees no difference between equal samples, and handles ties', () => {
    expect(mannWhitneyLess([1, 2, 3], [1, 2, 3])!.pValue).toBeGreaterThan(0.4);
    expect(mannWhitneyLess([5, 5, 5], [5, 5, 5])).toEqual({ u: 4.5, z: 0, pValue: 1 });
  });

  it('needs two values per sample', () => {
    expect(mannWhitneyLess([1], [2, 3])).toBeNull();
  });

  it('approximates the normal distribution', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3);
  });
});

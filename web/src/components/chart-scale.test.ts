import { describe, expect, it } from 'vitest';
import { lineRuns, niceMax } from './chart-scale.js';

describe('chart scale', () => {
  it('breaks a line where a bucket has no value', () => {
    expect(lineRuns([1, 2, null, null, 5, null, 7, 8])).toEqual([[0, 1], [4], [6, 7]]);
    expect(lineRuns([null, null])).toEqual([]);
  });

  it('rounds an axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0.93)).toBe(1);
    expect(niceMax(1.3)).toBe(2);
    expect(niceMax(4_200_000)).toBe(5_000_000);
  });
});

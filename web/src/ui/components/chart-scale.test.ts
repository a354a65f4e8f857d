import { describe, expect, it } from 'vitest';
import { lineRuns, niceDurationMax, niceMax } from './chart-scale.js';

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

  it('tops a duration axis at a round duration whose half is round too', () => {
    const H = 3_600_000;
    expect(niceDurationMax(2.1 * H)).toBe(4 * H);
    expect(niceDurationMax(45 * 60_000)).toBe(H);
    expect(niceDurationMax(400)).toBe(500);
    expect(niceDurationMax(40 * 24 * H)).toBe(50 * 24 * H);
  });
});

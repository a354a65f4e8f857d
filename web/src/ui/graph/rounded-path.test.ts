import { describe, expect, it } from 'vitest';
import { roundedPath } from './rounded-path.js';

describe('roundedPath', () => {
  it('rounds each bend by at most half the shorter segment, and drops repeated points', () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 10 },
        { x: 40, y: 10 },
      ]),
    ).toBe('M 0 0 L 0 5 Q 0 10 5 10 L 40 10');
  });

  it('draws a straight line between two points', () => {
    expect(
      roundedPath([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M 1 2 L 3 4');
  });
});

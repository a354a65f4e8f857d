import { describe, expect, it } from 'vitest';
import { scoreTension, validateRatings } from './score-tension.js';

const criteria = [
  { name: 'impact', weight: 3 },
  { name: 'urgency', weight: 2 },
];

describe('scoring a tension', () => {
  it('sums rating × weight and explains each term', () => {
    const score = scoreTension({ impact: 4, urgency: 2 }, criteria);
    expect(score.total).toBe(16);
    expect(score.max).toBe(25);
    expect(score.share).toBeCloseTo(0.64);
    expect(score.explanation).toBe('impact 4 × 3 = 12 + urgency 2 × 2 = 4 → 16 of 25');
    expect(score.parts).toEqual([
      { criterion: 'impact', rating: 4, weight: 3, points: 12 },
      { criterion: 'urgency', rating: 2, weight: 2, points: 4 },
    ]);
  });

  it('counts an unrated criterion as 0 and says so', () => {
    const score = scoreTension({ impact: 5 }, criteria);
    expect(score.total).toBe(15);
    expect(score.unrated).toEqual(['urgency']);
    expect(score.explanation).toBe('impact 5 × 3 = 15 + urgency unrated → 15 of 25');
  });

  it('refuses a criterion the organization does not have, naming the ones it has', () => {
    expect(() => validateRatings({ speed: 3 }, criteria)).toThrow(
      /"speed" is not one of the organization's criteria \(impact, urgency\)/,
    );
  });

  it('refuses ratings off the 0–5 scale', () => {
    expect(() => validateRatings({ impact: 6 }, criteria)).toThrow(/whole number from 0 to 5/);
    expect(() => validateRatings({ impact: 2.5 }, criteria)).toThrow(/whole number from 0 to 5/);
  });
});

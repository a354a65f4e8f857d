import { describe, expect, it } from 'vitest';
import { priorityOf, rankTensions } from './rank-tensions.js';

const now = new Date('2026-02-01T00:00:00.000Z');
const score = (share: number) => ({ total: share * 25, max: 25, share });

describe('ranking tensions for the agenda', () => {
  it('weighs score, severity, age and how late it was raised, and shows each part', () => {
    const p = priorityOf(
      { severity: 'high', raisedAt: '2026-01-25T00:00:00.000Z', observedAt: '2026-01-11T00:00:00.000Z' },
      score(0.64),
      now,
    );
    expect(p.parts).toEqual({ score: 32, severity: 10, age: 5, lateness: 7.5 });
    expect(p.total).toBe(54.5);
    expect(p.ageDays).toBe(7);
    expect(p.latenessDays).toBe(14);
    expect(p.explanation).toContain('raised 14d after it was seen → 7.5');
  });

  it('saturates age and lateness at four weeks', () => {
    const p = priorityOf(
      { severity: 'low', raisedAt: '2025-06-01T00:00:00.000Z', observedAt: '2025-01-01T00:00:00.000Z' },
      score(0),
      now,
    );
    expect(p.parts).toEqual({ score: 0, severity: 0, age: 20, lateness: 15 });
  });

  it('puts the higher priority first, then the one raised first', () => {
    const make = (number: number, total: number, raisedAt: string) => ({
      tension: { number, raisedAt },
      priority: { total } as never,
    });
    const ranked = rankTensions([
      make(1, 10, '2026-01-02T00:00:00Z'),
      make(2, 30, '2026-01-03T00:00:00Z'),
      make(3, 10, '2026-01-01T00:00:00Z'),
    ]);
    expect(ranked.map((r) => r.tension.number)).toEqual([2, 3, 1]);
  });
});

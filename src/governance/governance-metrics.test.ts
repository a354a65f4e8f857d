import { describe, expect, it } from 'vitest';
import type { Decision, Review, Tension } from '../model/index.js';
import { computeGovernanceMetrics, isoWeek, stats } from './governance-metrics.js';

const H = 3_600_000;
const tension = (
  id: string,
  origin: 'person' | 'detector',
  observedAt: string,
  raisedAt: string,
  extra: Partial<Tension> = {},
) => ({ id, origin, observedAt, raisedAt, type: 'boundary', state: 'open', reopened: 0, ...extra }) as Tension;
const decision = (tensionId: string, decidedAt: string, outcome: Decision['outcome'] = 'drop') =>
  ({ tensionId, decidedAt, outcome }) as Decision;
const review = (closedAt: string, noDecision: boolean) => ({ state: 'closed', closedAt, noDecision }) as Review;

describe('governance metrics', () => {
  const input = {
    tensions: [
      tension('T-1', 'person', '2026-01-02T00:00:00.000Z', '2026-01-05T00:00:00.000Z', { reopened: 2 }),
      tension('T-2', 'detector', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z', { type: 'process' }),
      tension('T-3', 'detector', '2026-01-05T00:00:00.000Z', '2026-01-05T12:00:00.000Z', {
        detector: 'workflow-escalation',
        occurrences: 3,
      }),
    ],
    decisions: [
      decision('T-1', '2026-01-07T00:00:00.000Z', 'escalate'),
      decision('T-1', '2026-01-08T00:00:00.000Z'),
      decision('T-3', '2026-01-05T13:00:00.000Z'),
    ],
    reviews: [
      review('2026-01-07T13:00:00.000Z', false),
      review('2026-01-14T13:00:00.000Z', true),
      review('2026-01-16T13:00:00.000Z', false),
    ],
    isRouted: (type: string) => type !== 'process',
  };

  it('measures time to surface, time to first decision, reviews without a decision, reopenings and escalations', () => {
    const m = computeGovernanceMetrics(input);
    expect(m.tensions).toMatchObject({ raised: 3, byOrigin: { person: 1, detector: 2 }, unrouted: 1 });
    expect(m.timeToSurface).toMatchObject({ count: 3, medianMs: 12 * H, meanMs: 28 * H, median: '12h' });
    expect(m.timeToSurface.byOrigin.detector.medianMs).toBe(6 * H);
    expect(m.timeToDecision).toMatchObject({ count: 2, medianMs: 24.5 * H });
    expect(m.reviews).toMatchObject({ closed: 3, withoutDecision: 1, shareWithoutDecision: 1 / 3 });
    expect(m.reviews.byWeek).toEqual([
      { week: '2026-W02', closed: 1, withoutDecision: 0, share: 0 },
      { week: '2026-W03', closed: 2, withoutDecision: 1, share: 0.5 },
    ]);
    expect(m.reopened).toEqual({ tensions: 1, times: 2 });
    expect(m.escalations).toBe(1);
    expect(m.workflowEscalations).toBe(3);
  });

  it('counts only what falls in the window', () => {
    const m = computeGovernanceMetrics({ ...input, from: '2026-01-05T06:00:00.000Z', to: '2026-01-15T00:00:00.000Z' });
    expect(m.tensions.raised).toBe(2);
    expect(m.reviews.closed).toBe(2);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(stats([4, 1, 3, 2]).medianMs).toBe(2.5);
    expect(stats([]).medianMs).toBeNull();
  });

  it('names ISO weeks', () => {
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
  });
});

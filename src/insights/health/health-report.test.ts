import { describe, expect, it } from 'vitest';
import { TensionRaised, type Manifest } from '../../model/index.js';
import type { TensionFacts } from '../facts/governance-history.js';
import { buildHealthReport, type HealthOptions } from './health-report.js';

const DAY = 86_400_000;
const NOW = new Date('2026-03-11T12:00:00Z'); // a Wednesday
const MONDAY = Date.parse('2026-03-09T00:00:00Z');
const OPTIONS: HealthOptions = { weeks: 2, agingAfterMs: 14 * DAY, lateAfterMs: 3 * DAY };

const m = (kind: string, name: string, spec: Record<string, unknown>) =>
  ({ apiVersion: 'cello/v1', kind, metadata: { name }, spec }) as unknown as Manifest;
const manifests = [
  m('Domain', 'loans', { purpose: 'p' }),
  m('Domain', 'orphans', { purpose: 'p' }),
  m('Cell', 'intake', {
    type: 'stream-aligned',
    purpose: 'p',
    members: [{ name: 'I', roles: ['facilitator'] }],
    domains: ['domain:loans'],
    offers: [{ name: 'o', type: 'event', events: [{ type: 'com.x.asked' }] }],
  }),
  m('Cell', 'credit', {
    type: 'stream-aligned',
    purpose: 'p',
    members: [{ name: 'C', roles: ['facilitator'] }],
    domains: ['domain:loans'],
  }),
  m('Subscription', 'credit-hears', {
    cell: 'cell:credit',
    types: ['com.x.asked'],
    actions: [{ emit: { type: 'com.x.heard' } }],
  }),
];

function tension(id: string, fields: Partial<TensionFacts>): TensionFacts {
  const raisedAtMs = fields.raisedAtMs ?? MONDAY;
  return {
    id,
    title: id,
    type: 'process',
    cells: ['intake'],
    severity: 'medium',
    observedAtMs: raisedAtMs,
    raisedAtMs,
    state: 'open',
    escalations: 0,
    reopened: 0,
    awaiting: [[raisedAtMs, null]],
    ...fields,
  };
}

describe('buildHealthReport', () => {
  const report = buildHealthReport(
    {
      now: NOW,
      manifests,
      history: {
        tensions: [
          tension('T-1', { type: 'priority', cells: ['intake', 'credit'], raisedAtMs: MONDAY + DAY }),
          tension('T-2', { raisedAtMs: MONDAY - 40 * DAY }),
          tension('T-3', {
            observedAtMs: MONDAY - 10 * DAY,
            raisedAtMs: MONDAY - 2 * DAY,
            state: 'decided',
            awaiting: [[MONDAY - 2 * DAY, MONDAY - DAY]],
          }),
        ],
        reviews: [
          { id: 'R-1', closedAtMs: MONDAY - 3 * DAY, items: 3, decided: 0, noDecision: true },
          { id: 'R-2', closedAtMs: MONDAY + 2 * DAY, items: 2, decided: 1, noDecision: false },
        ],
      },
      cases: [
        { firstMs: MONDAY - 5 * DAY, rework: true, cells: ['intake', 'credit'], reworkCells: ['credit'] },
        { firstMs: MONDAY + DAY, rework: false, cells: ['intake', 'credit'], reworkCells: [] },
        { firstMs: MONDAY + DAY, rework: false, cells: ['intake'], reworkCells: [] },
        { firstMs: MONDAY - 30 * DAY, rework: true, cells: ['intake'], reworkCells: ['intake'] },
      ],
      typesSeen: new Map([
        ['com.x.asked', 10],
        ['com.x.unknown', 3],
        [TensionRaised, 2],
      ]),
    },
    OPTIONS,
  );

  it('reports the teams: rework by cell, reviews without a decision, priority disputes', () => {
    expect(report.from).toBe(new Date(MONDAY - 7 * DAY).toISOString());
    expect(report.teams.rework).toEqual({
      cases: 3,
      reworkCases: 1,
      share: 0.3333,
      byCell: [
        { cell: 'credit', cases: 2, reworkCases: 1, share: 0.5 },
        { cell: 'intake', cases: 3, reworkCases: 0, share: 0 },
      ],
    });
    expect(report.teams.reviews).toEqual({ closed: 2, withoutDecision: 1, undecidedItems: 4 });
    expect(report.teams.priorityDisputes).toEqual({
      count: 1,
      byCell: [
        { cell: 'credit', count: 1 },
        { cell: 'intake', count: 1 },
      ],
    });
    expect(report.teams.status).toBe('act');
  });

  it('reports the boundaries through the lint rules, plus event types the log shows nobody offers', () => {
    expect(report.boundaries.doublyOwnedDomains).toEqual([{ domain: 'loans', cells: ['intake', 'credit'] }]);
    expect(report.boundaries.unownedDomains).toEqual(['orphans']);
    expect(report.boundaries.unownedEventTypes).toEqual([{ type: 'com.x.unknown', events: 3 }]);
    expect(report.boundaries.consumersWithoutAgreements).toHaveLength(1);
    expect(report.boundaries.consumersWithoutAgreements[0]!.message).toContain(
      'credit consumes com.x.asked from intake',
    );
    expect(report.boundaries.status).toBe('act');
  });

  it('reports the conflicts: aging and late tensions', () => {
    expect(report.conflicts.awaiting).toBe(2);
    expect(report.conflicts.aging.map((a) => a.tension)).toEqual(['T-2']);
    expect(report.conflicts.late.map((l) => [l.tension, l.surfacedAfterMs])).toEqual([['T-3', 8 * DAY]]);
    expect(report.conflicts.status).toBe('act');
    expect(report.status).toBe('act');
  });

  it('has a weekly trend, Monday to Monday, the current week last', () => {
    expect(report.trend.map((w) => w.weekStart.slice(0, 10))).toEqual(['2026-03-02', '2026-03-09']);
    expect(report.trend[0]).toMatchObject({
      tensionsRaised: 1,
      lateEscalations: 1,
      reviewsClosed: 1,
      reviewsWithoutDecision: 1,
      awaitingAtEnd: 1,
      agingAtEnd: 1,
      cases: 1,
      reworkShare: 1,
    });
    expect(report.trend[1]).toMatchObject({
      tensionsRaised: 1,
      priorityTensions: 1,
      reviewsClosed: 1,
      awaitingAtEnd: 2,
      agingAtEnd: 1,
      cases: 2,
      reworkShare: 0,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGovernanceApp, type GovernanceApp } from './governance-app.js';
import { ReviewClosed, ReviewReordered } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

let g: GovernanceApp;
const ids: Record<string, string> = {};
beforeAll(async () => {
  g = await startGovernanceApp({ start: '2026-01-05T09:00:00.000Z', reviewDate: '2026-01-06' });
  const raise = async (key: string, who: 'bo' | 'mei', body: Record<string, unknown>) => {
    const response = await g.call(who, 'POST', '/v1/tensions', body);
    ids[key] = response.body.tension.id;
  };
  await raise('boundary', 'bo', {
    title: 'Who owns refunds?',
    type: 'boundary',
    cells: ['payments', 'risk'],
    severity: 'high',
    observedAt: '2025-12-22T09:00:00Z',
    ratings: { impact: 5, urgency: 4 },
  });
  await raise('purpose', 'mei', {
    title: 'Do we still need night scoring?',
    type: 'purpose',
    cells: ['risk'],
    severity: 'low',
  });
  g.clock.set('2026-01-07T10:00:00.000Z');
});
afterAll(() => g.close());

describe('the tension review', () => {
  it('generates the agenda from evidence: waiting tensions ranked, agreements due, each with its packet', async () => {
    const planned = await g.call('ana', 'POST', '/v1/reviews', {});
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const review = planned.body;
    expect(review).toMatchObject({
      id: 'R-1',
      state: 'planned',
      cell: 'ops',
      scheduledFor: '2026-01-07T14:00:00.000Z',
    });
    const items = review.agenda.map((i: { tensionId: string; kind: string }) => `${i.kind}:${i.tensionId}`);
    expect(items[0]).toBe(`tension:${ids.boundary}`);
    const agreementItem = review.agenda.find((i: { kind: string }) => i.kind === 'agreement');
    expect(agreementItem).toMatchObject({
      title: 'Agreement risk-for-payments (cell:risk → cell:payments) is due for review since 2026-01-06',
      cells: ['payments', 'risk'],
    });
    const first = review.agenda[0];
    expect(first.priority.explanation).toContain('raised 14d after it was seen');
    expect(first.evidence).toMatchObject({ observedAt: '2025-12-22T09:00:00.000Z', raisedBy: 'Bo of cell:payments' });
    expect(first.evidence.agreements.map((a: { name: string }) => a.name).sort()).toEqual([
      'payments-for-risk',
      'risk-for-payments',
    ]);
    expect((await g.call('bo', 'GET', `/v1/tensions/${ids.boundary}`)).body.tension).toMatchObject({
      state: 'scheduled',
      reviewId: 'R-1',
    });
  });

  it('lets the facilitator reorder it, and nobody else', async () => {
    expect((await g.call('raj', 'PUT', '/v1/reviews/current/agenda', { order: [ids.purpose] })).status).toBe(403);
    const reordered = await g.call('ana', 'PUT', '/v1/reviews/current/agenda', { order: [ids.purpose] });
    expect(reordered.body.agenda[0].tensionId).toBe(ids.purpose);
    expect(reordered.body.reordered).toBe(true);
  });

  it('runs it: the decider proposes by consent, the facilitator drops what nobody may decide, close accepts', async () => {
    expect((await g.call('ana', 'POST', '/v1/reviews/current/start')).body.state).toBe('running');
    const item = await g.call('ana', 'POST', `/v1/reviews/current/items/${ids.boundary}/decisions`, {
      outcome: 'change-agreement',
      agreement: 'risk-for-payments',
      set: { 'spec.reviewDate': '2026-07-01' },
      criteria: ['impact'],
      rationale: 'Refunds need a clear owner before we review again.',
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect(item.body.proposal).toMatchObject({ method: 'consent', reviewId: 'R-1' });
    expect(item.body.proposal.closesAt).toBeUndefined();
    expect(item.body.preview.changes).toEqual([{ path: 'spec.reviewDate', before: '2026-01-06', after: '2026-07-01' }]);
    const byMei = await g.call('mei', 'POST', '/v1/reviews/current/items/1/decisions', {
      outcome: 'drop',
      reason: 'no',
    });
    expect(byMei.status).toBe(403);
    const dropped = await g.call('ana', 'POST', '/v1/reviews/current/items/1/decisions', {
      outcome: 'drop',
      reason: 'Out of scope for this organization.',
    });
    expect(dropped.body.decision).toMatchObject({ outcome: 'drop', method: 'facilitator' });
    const closed = await g.call('ana', 'POST', '/v1/reviews/current/close');
    expect(closed.body).toMatchObject({ state: 'closed', decided: 2, noDecision: false });
    expect(closed.body.items).toBe(closed.body.agenda.length);
    const history = await g.call('bo', 'GET', '/v1/manifests/Agreement/risk-for-payments/history');
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await g.call('bo', 'GET', `/v1/tensions/${ids.boundary}`)).body.tension.state).toBe('resolved');
  });

  it('exports the minutes as Markdown', async () => {
    const minutes = await g.call('cy', 'GET', '/v1/reviews/R-1/minutes');
    expect(minutes.body).toContain('# Tension review R-1 — tiny');
    expect(minutes.body).toContain(`### D-2 on ${ids.boundary}: change-agreement`);
    expect(minutes.body).toContain('- New version: agreement:risk-for-payments v2');
    expect(minutes.body).toContain('  - `spec.reviewDate`: "2026-01-06" → "2026-07-01"');
    expect(minutes.body).toContain(
      '- Decided by: Ana of cell:ops (consent: no objection in the window), method consent',
    );
  });

  it('records a review that ends with items and no decision', async () => {
    g.clock.set('2026-01-14T13:00:00.000Z');
    const planned = await g.call('admin', 'POST', '/v1/reviews', {});
    expect(planned.body.agenda.length).toBeGreaterThan(0);
    await g.call('ana', 'POST', '/v1/reviews/current/start');
    const closed = await g.call('ana', 'POST', '/v1/reviews/current/close');
    expect(closed.body).toMatchObject({ id: 'R-2', decided: 0, noDecision: true });
    expect((await g.call('cy', 'GET', '/v1/reviews/R-2/minutes')).body).toContain(
      '> **This review ended without a decision.**',
    );
    const metrics = await g.call('cy', 'GET', '/v1/governance/metrics');
    expect(metrics.body.reviews).toMatchObject({
      closed: 2,
      withoutDecision: 1,
      shareWithoutDecision: 0.5,
      byWeek: [
        { week: '2026-W02', closed: 1, withoutDecision: 0, share: 0 },
        { week: '2026-W03', closed: 1, withoutDecision: 1, share: 1 },
      ],
    });
  });

  it('plans the next review on the cadence when time comes round', async () => {
    const report = await g.app.governance.tick();
    expect(report.planned).toBe('R-3');
    expect((await g.call('cy', 'GET', '/v1/reviews/current')).body).toMatchObject({
      id: 'R-3',
      scheduledFor: '2026-01-14T14:00:00.000Z',
      plannedBy: 'Cello (governance)',
    });
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(g.app.store.events, [ReviewReordered, ReviewClosed]);
  });
});

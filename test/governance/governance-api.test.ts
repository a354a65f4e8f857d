import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyManifests } from '../../src/manifests/index.js';
import {
  GuardrailVersioned,
  ProposalObjected,
  ProposalRejected,
  ProposalVoted,
  TensionDetected,
} from '../../src/model/index.js';
import { startGovernanceApp, type GovernanceApp } from './governance-app.js';
import { smallOrg } from './small-org.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const H = 3_600_000;
let g: GovernanceApp;
beforeAll(async () => {
  g = await startGovernanceApp();
});
afterAll(() => g.close());

const raise = async (who: Parameters<GovernanceApp['call']>[0], body: Record<string, unknown>) => {
  const response = await g.call(who, 'POST', '/v1/tensions', { severity: 'medium', ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.tension.id as string;
};

describe('raising tensions', () => {
  it('records who raised it, routes it and explains its score', async () => {
    const response = await g.call('bo', 'POST', '/v1/tensions', {
      title: 'Risk scores arrive after payments settle',
      type: 'interface',
      cells: ['payments', 'cell:risk'],
      severity: 'high',
      observedAt: '2026-01-02T09:00:00Z',
      evidence: ['agreement:risk-for-payments', 'https://wiki.example/incident-7'],
      ratings: { impact: 4, urgency: 3 },
    });
    expect(response.status).toBe(201);
    const { tension, route, score } = response.body;
    expect(tension).toMatchObject({
      state: 'open',
      cells: ['payments', 'risk'],
      raisedBy: 'Bo of cell:payments',
      raiserCell: 'payments',
      origin: 'person',
      observedAt: '2026-01-02T09:00:00.000Z',
      raisedAt: '2026-01-05T09:00:00.000Z',
    });
    expect(tension.evidence).toEqual([
      { kind: 'agreement', ref: 'risk-for-payments' },
      { kind: 'link', ref: 'https://wiki.example/incident-7' },
    ]);
    expect(route).toMatchObject({
      routed: true,
      deciderCell: 'risk',
      deciderRole: 'lead',
      method: 'advice',
      forum: 'async',
    });
    expect(score.explanation).toBe('impact 4 × 3 = 12 + urgency 3 × 2 = 6 → 18 of 25');
  });

  it('refuses a type the organization does not use, naming the ones it does', async () => {
    const response = await g.call('bo', 'POST', '/v1/tensions', { title: 'x', type: 'politics', cells: ['risk'] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      '"politics" is not one of the organization\'s tension types (boundary, priority, interface, capacity, process, purpose); pick one of them.',
    );
  });

  it('refuses unknown cells and a future observedAt', async () => {
    expect(
      (await g.call('bo', 'POST', '/v1/tensions', { title: 'x', type: 'boundary', cells: ['billing'] })).body.error
        .message,
    ).toMatch(/cell:billing is not in the applied organization \(known: ops, payments, risk\)/);
    expect(
      (
        await g.call('bo', 'POST', '/v1/tensions', {
          title: 'x',
          type: 'boundary',
          cells: ['risk'],
          observedAt: '2030-01-01T00:00:00Z',
        })
      ).body.error.message,
    ).toMatch(/is in the future/);
  });

  it('flags a tension whose type has no decision right', async () => {
    const id = await raise('cy', { title: 'Why do we settle at all?', type: 'purpose', cells: ['payments'] });
    const { body } = await g.call('cy', 'GET', `/v1/tensions/${id}`);
    expect(body.route).toMatchObject({ routed: false });
    expect(body.route.reason).toMatch(/Nobody holds the right to decide "purpose" tensions/);
    const refused = await g.call('admin', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'drop',
      reason: 'not ours',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /bring T-\d+ to the tension review, where the facilitator may escalate or drop it/,
    );
  });
});

describe('advice (interface tensions: risk lead decides after payments advised)', () => {
  it('waits for the advisors, then carries out a new agreement version with its diff and YAML', async () => {
    const id = await raise('bo', { title: 'Score within 2 minutes', type: 'interface', cells: ['payments', 'risk'] });
    const decision = {
      outcome: 'change-agreement',
      agreement: 'risk-for-payments',
      set: { 'spec.slos[0].within': '2m' },
      rationale: 'Payments settle within 3 minutes.',
      reviewDate: '4w',
    };
    const early = await g.call('mei', 'POST', `/v1/tensions/${id}/decisions`, decision);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/cell:payments has not advised on T-\d+ yet/);
    expect((await g.call('mei', 'POST', `/v1/tensions/${id}/advice`, { body: 'fine by us' })).status).toBe(403);
    expect(
      (await g.call('cy', 'POST', `/v1/tensions/${id}/advice`, { body: 'Two minutes would let us hold settlements.' }))
        .status,
    ).toBe(201);
    const decided = await g.call('mei', 'POST', `/v1/tensions/${id}/decisions`, decision);
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body.tension.state).toBe('resolved');
    const d = decided.body.decision;
    expect(d).toMatchObject({
      outcome: 'change-agreement',
      method: 'advice',
      decidedBy: 'Mei of cell:risk',
      deciderCell: 'risk',
      deciderRole: 'lead',
      criteria: [],
      reviewDate: '2026-02-02',
    });
    expect(d.details).toMatchObject({
      agreement: 'risk-for-payments',
      version: 2,
      previousVersion: 1,
      changes: [{ path: 'spec.slos[0].within', before: '5m', after: '2m' }],
    });
    const yaml = await readFile(path.join(g.dataDir, 'proposals', 'agreement-risk-for-payments-v2.yaml'), 'utf8');
    expect(parse(yaml).spec.slos[0].within).toBe('2m');
    const history = await g.call('cy', 'GET', '/v1/manifests/Agreement/risk-for-payments/history');
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const events = await g.app.store.events.query({
      types: ['dev.cello.agreement.versioned', 'dev.cello.tension.decided'],
      subject: id,
      limit: 10,
    });
    expect(events.map((e) => e.type)).toEqual(['dev.cello.tension.decided', 'dev.cello.agreement.versioned']);
  });

  it('refuses to change an agreement of cells the tension does not concern', async () => {
    const id = await raise('bo', { title: 'ops backbone', type: 'process', cells: ['ops'] });
    const refused = await g.call('finn', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'change-agreement',
      agreement: 'risk-for-payments',
      set: { 'spec.reviewDate': '2026-09-01' },
      rationale: 'x',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/neither involved in tension/);
  });
});

describe('consent in the async forum (capacity tensions: risk lead proposes)', () => {
  it('accepts a proposal when its objection window passes with no objection', async () => {
    const id = await raise('bo', { title: 'Risk cannot score peaks', type: 'capacity', cells: ['risk', 'payments'] });
    const proposed = await g.call('mei', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'experiment',
      move: 'Batch peak scoring',
      metric: 'p95 scoring latency',
      reviewDate: '2026-01-19',
      rationale: 'Cheap to try.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.proposal).toMatchObject({
      method: 'consent',
      state: 'open',
      closesAt: '2026-01-06T09:00:00.000Z',
    });
    g.clock.advance(23 * H);
    await g.app.governance.tick();
    expect((await g.call('mei', 'GET', `/v1/proposals/${proposed.body.proposal.id}`)).body.state).toBe('open');
    g.clock.advance(1 * H);
    expect((await g.app.governance.tick()).settledProposals).toBe(1);
    const { body } = await g.call('mei', 'GET', `/v1/tensions/${id}`);
    expect(body.tension.state).toBe('decided');
    expect(body.decisions[0]).toMatchObject({
      outcome: 'experiment',
      method: 'consent',
      decidedBy: 'Mei of cell:risk (consent: no objection in the window)',
    });
    const experiments = (await g.call('cy', 'GET', '/v1/experiments')).body.experiments;
    expect(experiments.find((e: { tensionId: string }) => e.tensionId === id)).toMatchObject({
      move: 'Batch peak scoring',
      metric: 'p95 scoring latency',
      reviewDate: '2026-01-19',
      state: 'running',
    });
  });

  it('sends it back to the next review on an objection', async () => {
    const id = await raise('bo', {
      title: 'Risk wants to drop night scoring',
      type: 'capacity',
      cells: ['risk', 'payments'],
    });
    const { body } = await g.call('mei', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'drop',
      reason: 'Not worth it.',
    });
    const objected = await g.call('cy', 'POST', `/v1/proposals/${body.proposal.id}/objections`, {
      reason: 'We settle at night.',
    });
    expect(objected.status).toBe(201);
    expect(objected.body.state).toBe('objected');
    g.clock.advance(25 * H);
    await g.app.governance.tick();
    expect((await g.call('cy', 'GET', `/v1/tensions/${id}`)).body.tension.state).toBe('open');
    const plan = await g.call('ana', 'POST', '/v1/reviews', {});
    expect(plan.body.agenda.map((i: { tensionId: string }) => i.tensionId)).toContain(id);
    await g.call('ana', 'POST', `/v1/reviews/${plan.body.id}/start`);
    await g.call('ana', 'POST', `/v1/reviews/${plan.body.id}/close`);
  });
});

describe('votes (priority tensions: the members of payments)', () => {
  it('accepts when a majority of the cell members vote yes; one vote each, member tokens only', async () => {
    const id = await raise('mei', { title: 'Refunds before settlements?', type: 'priority', cells: ['payments'] });
    const { body } = await g.call('bo', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'drop',
      reason: 'Settlements first.',
    });
    expect(body.proposal).toMatchObject({ method: 'vote', state: 'open' });
    const vote = (who: 'bo' | 'cy' | 'payments', v: string) =>
      g.call(who, 'POST', `/v1/proposals/${body.proposal.id}/votes`, { vote: v });
    expect((await vote('payments', 'yes')).status).toBe(403);
    expect((await vote('bo', 'yes')).body.state).toBe('open');
    expect((await vote('bo', 'yes')).status).toBe(409);
    expect((await vote('cy', 'yes')).body.state).toBe('accepted');
    expect((await g.call('bo', 'GET', `/v1/tensions/${id}`)).body.tension.state).toBe('dropped');
  });

  it('rejects when a majority votes no, and the tension waits for another decision', async () => {
    const id = await raise('mei', { title: 'Chargebacks before refunds?', type: 'priority', cells: ['payments'] });
    const { body } = await g.call('bo', 'POST', `/v1/tensions/${id}/decisions`, { outcome: 'drop', reason: 'Later.' });
    await g.call('bo', 'POST', `/v1/proposals/${body.proposal.id}/votes`, { vote: 'no' });
    expect((await g.call('cy', 'POST', `/v1/proposals/${body.proposal.id}/votes`, { vote: 'no' })).body.state).toBe(
      'rejected',
    );
    expect((await g.call('bo', 'GET', `/v1/tensions/${id}`)).body.tension.state).toBe('open');
  });
});

describe('guardrails (process tensions: the ops lead decides alone)', () => {
  it('adds a guardrail as a new manifest version, resolving the tension', async () => {
    const id = await raise('bo', { title: 'Settlements without a currency', type: 'process', cells: ['payments'] });
    const decided = await g.call('finn', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'add-guardrail',
      guardrail: 'settlements-carry-currency',
      guardrailSpec: {
        target: 'events',
        eventTypes: ['com.tiny.payment.settled'],
        expression: 'has(event.data.currency)',
        action: 'warn',
        message: 'A settlement names its currency.',
      },
      rationale: 'Reconciliation needs the currency.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body.tension.state).toBe('resolved');
    const guardrail = await g.call('bo', 'GET', '/v1/manifests/Guardrail/settlements-carry-currency');
    expect(guardrail.body).toMatchObject({ version: 1, spec: { expression: 'has(event.data.currency)' } });
  });
});

describe('the lifecycle', () => {
  it('refuses invalid transitions, naming the allowed ones', async () => {
    const id = await raise('bo', { title: 'x', type: 'process', cells: ['payments'] });
    const response = await g.call('mei', 'POST', `/v1/tensions/${id}/state`, { state: 'resolved', reason: 'gone' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(
      /Only the cell that raised tension T-\d+ \(cell:payments\) or members of cell:ops with the lead role \(Finn\) may resolve it/,
    );
    const refused = await g.call('finn', 'POST', `/v1/tensions/${id}/decisions`, {
      outcome: 'drop',
      reason: 'not a gap',
    });
    expect(refused.body.tension.state).toBe('dropped');
    const again = await g.call('bo', 'POST', `/v1/tensions/${id}/state`, { state: 'resolved', reason: 'gone' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Tension ${id} is dropped and cannot become resolved; from dropped it may become open.`,
    );
    const reopened = await g.call('cy', 'POST', `/v1/tensions/${id}/state`, { state: 'open', reason: 'it is back' });
    expect(reopened.body.tension).toMatchObject({ state: 'open', reopened: 1 });
  });
});

describe('detectors', () => {
  it('raised the boundary-lint findings of the applied organization at start', async () => {
    const { body } = await g.call('cy', 'GET', '/v1/tensions');
    const lint = body.tensions
      .filter((t: { tension: { detector?: string } }) => t.tension.detector === 'boundary-lint')
      .map((t: { tension: { subject: string; type: string } }) => [t.tension.subject, t.tension.type]);
    expect(lint).toEqual([
      ['agreement-slo:Agreement/payments-for-risk#spec', 'boundary'],
      ['tension-type-undecided:Organization/tiny#spec.tensionTypes[5].name', 'boundary'],
    ]);
  });

  it('resolves a finding’s tension when an apply removes its cause', async () => {
    const fixed = smallOrg().map((m) =>
      m.kind === 'Agreement' && m.metadata.name === 'payments-for-risk'
        ? {
            ...m,
            spec: {
              ...m.spec,
              slos: [
                {
                  name: 'settled-fast',
                  objective: 0.9,
                  request: 'com.tiny.risk.scored',
                  response: 'com.tiny.payment.settled',
                  within: '1h',
                  window: '28d',
                },
              ],
            },
          }
        : m,
    );
    await applyManifests(g.app.store, fixed, { clock: g.clock, actor: 'test' });
    await g.app.governance.settle();
    const { body } = await g.call('cy', 'GET', '/v1/tensions?state=resolved');
    const resolved = body.tensions.find(
      (t: { tension: { subject?: string } }) => t.tension.subject === 'agreement-slo:Agreement/payments-for-risk#spec',
    );
    expect(resolved.tension.closedReason).toMatch(/^the finding is gone after the apply recorded as event #\d+$/);
  });

  it('takes reports from other components through dev.cello.tension.detected, one tension per subject', async () => {
    const report = (n: number) => ({
      specversion: '1.0' as const,
      id: `esc-${n}`,
      source: '/cello/workflows/refunds',
      type: TensionDetected,
      subject: 'workflow:refunds/approve',
      data: {
        detector: 'workflow-escalation',
        subject: 'workflow:refunds/approve',
        title: 'Refund approvals time out',
        type: 'process',
        cells: ['payments'],
        evidence: [`event:${n}`],
      },
    });
    await g.app.runtime.emit('workflows', [report(1)]);
    await g.app.runtime.emit('workflows', [report(2)]);
    await g.app.governance.settle();
    const { body } = await g.call('cy', 'GET', '/v1/tensions');
    const escalated = body.tensions.filter(
      (t: { tension: { detector?: string } }) => t.tension.detector === 'workflow-escalation',
    );
    expect(escalated).toHaveLength(1);
    expect(escalated[0].tension).toMatchObject({
      occurrences: 2,
      raisedBy: 'Cello (workflow-escalation)',
      evidence: [
        { kind: 'event', ref: '1' },
        { kind: 'event', ref: '2' },
      ],
    });
    expect((await g.call('cy', 'GET', '/v1/governance/metrics')).body.workflowEscalations).toBe(2);
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(g.app.store.events, [
      TensionDetected,
      ProposalVoted,
      ProposalObjected,
      ProposalRejected,
      GuardrailVersioned,
    ]);
  });
});

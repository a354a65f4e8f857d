/**
 * The scenario of issue 5: a provider (credit) answers loan requests slowly. The live process map shows the
 * waiting edge, the agreement's SLO is breached, a tension is raised through the wiring to governance (once),
 * credit receives a bottleneck recommendation, the consumer may not accept it for credit, and credit accepting
 * it starts an experiment in governance.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileConfig, createApp, type App } from '../../src/app/index.js';
import { createToken } from '../../src/engine/index.js';
import type { ProcessMap, Recommendation, SloStatus } from '../../src/insights/index.js';
import { ManualClock, silentLogger } from '../../src/shared/index.js';
import { writeLendingOrg } from './lending-org.js';
import { ExperimentStarted, RecommendationAccepted, RecommendationMade, TensionRaised } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T08:00:00.000Z');
const LOANS = 12;

let dir: string;
let app: App;
const clock = new ManualClock(new Date(START + 2 * 24 * HOUR));
const tokens: Record<'intake' | 'credit' | 'creditLead', string> = { intake: '', credit: '', creditLead: '' };

async function call(token: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await app.api.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: response.statusCode, body: (response.body ? response.json() : undefined) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function publish(token: string, events: Record<string, unknown>[]) {
  const response = await app.api.inject({
    method: 'POST',
    url: '/v1/events',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents-batch+json' },
    payload: JSON.stringify(events),
  });
  expect(response.statusCode, response.body).toBe(202);
}

const event = (type: string, loan: number, atMs: number) => ({
  specversion: '1.0',
  id: `${type}-${loan}`,
  source: '/lending',
  type,
  subject: `loan-${loan}`,
  time: new Date(atMs).toISOString(),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-insights-'));
  const orgDir = path.join(dir, 'org');
  await writeLendingOrg(orgDir);
  const config = compileConfig({
    dataDir: path.join(dir, 'data'),
    org: orgDir,
    port: 0,
    env: { CELLO_LOG_LEVEL: 'silent' },
  });
  config.feedPollMs = 50;
  app = await createApp(config, {
    clock,
    logger: silentLogger,
    governance: { checkIntervalMs: 0 },
    insights: { checkIntervalMs: 0 },
  });
  await app.listen();
  tokens.intake = (await createToken(app.store.tokens, { cell: 'intake' })).token;
  tokens.credit = (await createToken(app.store.tokens, { cell: 'credit' })).token;
  tokens.creditLead = (await createToken(app.store.tokens, { cell: 'credit', member: 'Cleo' })).token;
  // Twelve loans, one an hour: intake asks, credit decides 6 to 7 hours later (the agreement says 4), intake closes 10 minutes after.
  const requests = [];
  const decisions = [];
  const closings = [];
  for (let loan = 1; loan <= LOANS; loan++) {
    const asked = START + loan * HOUR;
    const decided = asked + 6 * HOUR + (loan % 3) * 20 * 60_000;
    requests.push(event('com.lend.loan.requested', loan, asked));
    decisions.push(event('com.lend.credit.decided', loan, decided));
    closings.push(event('com.lend.loan.closed', loan, decided + 10 * 60_000));
  }
  await publish(tokens.intake, requests);
  await publish(tokens.credit, decisions);
  await publish(tokens.intake, closings);
});

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a slow provider', () => {
  it('shows up in the live process map as the bottleneck edge, owned by the provider', async () => {
    const { status, body } = await call(tokens.intake, 'GET', '/v1/insights/process-map');
    expect(status).toBe(200);
    const map = body as ProcessMap;
    expect(map.summary).toMatchObject({ cases: LOANS, events: 3 * LOANS, variants: 1 });
    expect(map.variants[0]!.activities).toEqual([
      'com.lend.loan.requested',
      'com.lend.credit.decided',
      'com.lend.loan.closed',
    ]);
    expect(map.bottlenecks[0]).toMatchObject({
      from: 'com.lend.loan.requested',
      to: 'com.lend.credit.decided',
      frequency: LOANS,
      medianMs: 6 * HOUR + 20 * 60_000,
    });
    expect(map.activityOwners).toContainEqual({ activity: 'com.lend.credit.decided', cell: 'credit', basis: 'offer' });
    expect(map.handovers).toEqual([
      { from: 'credit', to: 'intake', count: LOANS },
      { from: 'intake', to: 'credit', count: LOANS },
    ]);
  });

  it('breaches the SLO, and the check raises one tension with the evidence through governance', async () => {
    const before = await call(tokens.intake, 'GET', '/v1/insights/slos');
    const slo = (before.body.slos as SloStatus[])[0]!;
    expect(slo).toMatchObject({
      agreement: 'credit-for-intake',
      slo: 'decided-within-4h',
      state: 'breached',
      counted: LOANS,
      met: 0,
      missed: LOANS,
      compliance: 0,
    });

    const first = await call(undefined, 'POST', '/v1/insights/check');
    expect(first.status).toBe(401);
    const refused = await call(tokens.credit, 'POST', '/v1/insights/check');
    expect(refused.status).toBe(403);
    const tick = await app.insights.tick();
    const raised = tick.slos.find((s) => s.slo === 'decided-within-4h')!;
    expect(raised.tension).toMatch(/^T-\d+$/);
    await app.insights.tick();

    const { body } = await call(tokens.intake, 'GET', '/v1/tensions');
    const breaches = (
      body.tensions as {
        tension: {
          id: string;
          detector?: string;
          cells: string[];
          type: string;
          evidence: { kind: string; ref: string }[];
          observedAt: string;
        };
      }[]
    )
      .map((t) => t.tension)
      .filter((t) => t.detector === 'slo-breach');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ id: raised.tension, type: 'interface', cells: ['credit', 'intake'] });
    expect(breaches[0]!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'agreement', ref: 'credit-for-intake' }),
    );
    expect(breaches[0]!.evidence.filter((e) => e.kind === 'event')).toHaveLength(5);
    // The first signal: the deadline the first loan's decision missed (requested + 4h).
    expect(breaches[0]!.observedAt).toBe(new Date(START + HOUR + 4 * HOUR).toISOString());
  });

  it('sends credit a bottleneck recommendation that names the agreement, with impact, confidence and sample size', async () => {
    const { body } = await call(tokens.intake, 'GET', '/v1/insights/recommendations?cell=credit');
    const recommendations = body.recommendations as Recommendation[];
    expect(recommendations).toHaveLength(1);
    const [hint] = recommendations;
    expect(hint).toMatchObject({ kind: 'bottleneck', cell: 'credit', state: 'open', sampleSize: LOANS });
    expect(hint!.title).toContain('between com.lend.loan.requested and com.lend.credit.decided');
    expect(hint!.summary).toContain('credit-for-intake promises 90% within 4h');
    expect(hint!.evidence).toContainEqual(expect.objectContaining({ kind: 'agreement', ref: 'credit-for-intake' }));
    expect(hint!.impact).toMatchObject({ change: -0.5 });
    expect(hint!.confidence).toBeGreaterThan(0.5);
    expect(hint!.confidence).toBeLessThan(1);
  });

  it('may be accepted only by credit, and accepting it starts an experiment in governance', async () => {
    const { body } = await call(tokens.credit, 'GET', '/v1/insights/recommendations?state=open');
    const id = (body.recommendations as Recommendation[])[0]!.id;

    const byConsumer = await call(tokens.intake, 'POST', `/v1/insights/recommendations/${id}/accept`, {});
    expect(byConsumer.status).toBe(403);
    expect(byConsumer.body.error.message).toContain('Only cell:credit');
    const byAdmin = await call(undefined, 'POST', `/v1/insights/recommendations/${id}/dismiss`, { reason: 'no' });
    expect(byAdmin.status).toBe(401);

    const accepted = await call(tokens.creditLead, 'POST', `/v1/insights/recommendations/${id}/accept`, {
      metric: 'median time from request to decision',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.recommendation).toMatchObject({ id, state: 'accepted', experiment: accepted.body.experiment });
    const running = await app.governance.experiments({ state: 'running' });
    // Credit's own experiment (src/app wires insights to governance): tied to the recommendation, not to a tension.
    expect(running).toContainEqual(
      expect.objectContaining({
        id: accepted.body.experiment,
        metric: 'median time from request to decision',
        cell: 'credit',
        recommendation: id,
      }),
    );
    expect(accepted.body.tension).toBeUndefined();

    const again = await call(tokens.creditLead, 'POST', `/v1/insights/recommendations/${id}/accept`, {});
    expect(again.status).toBe(409);
    const stats = await call(tokens.intake, 'GET', '/v1/insights/recommendations/stats');
    expect(stats.body).toMatchObject({ made: 1, accepted: 1, acceptanceRate: 1 });
    const log = await call(tokens.intake, 'GET', '/v1/events?type=dev.cello.recommendation.*');
    expect((log.body.events as { type: string }[]).map((e) => e.type)).toEqual([
      'dev.cello.recommendation.made',
      'dev.cello.recommendation.accepted',
    ]);
  });

  it('reports the breach and the rework-free flow in the health report', async () => {
    const { body } = await call(tokens.intake, 'GET', '/v1/insights/health?weeks=2');
    expect(body.schema).toBe('cello.health/1');
    expect(body.teams.rework).toMatchObject({ cases: LOANS, reworkCases: 0, share: 0 });
    expect(body.conflicts.awaiting).toBeGreaterThanOrEqual(1);
    expect(body.trend).toHaveLength(2);
  });

  it('exports the live log as XES over HTTP', async () => {
    const response = await app.api.inject({
      method: 'GET',
      url: '/v1/insights/export.xes?type=com.lend.*',
      headers: { authorization: `Bearer ${tokens.intake}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(response.body.match(/<trace>/g)).toHaveLength(LOANS);
    expect(response.body).toContain('<string key="org:resource" value="credit"/>');
    expect(response.body.trimEnd().endsWith('</log>')).toBe(true);
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(app.store.events, [
      RecommendationMade,
      RecommendationAccepted,
      ExperimentStarted,
      TensionRaised,
    ]);
  });
});

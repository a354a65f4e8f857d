/**
 * An accepted recommendation becomes the accepting cell's own experiment in the running app (the wiring in
 * src/app, no sink of the test's own): credit accepts a bottleneck recommendation over HTTP, governance records
 * the experiment with its event and no tension, and once its review date passes the review agenda brings it back
 * and deciding it concludes the experiment.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/governance/index.js';
import type { Recommendation } from '../../src/insights/index.js';
import { ManualClock } from '../../src/shared/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { writeLendingOrg } from './lending-org.js';
import { ExperimentConcluded, RecommendationAccepted } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T08:00:00.000Z');
const LOANS = 12;

let dir: string;
let t: TestApp;
const clock = new ManualClock(new Date(START + 2 * DAY));
const tokens = { intake: '', credit: '', cleo: '', ivy: '' };
let recommendation: Recommendation;
let experimentId: string;

async function json(token: string | null, method: 'GET' | 'POST', pathname: string, body?: unknown) {
  const response = await t.call(pathname, {
    method,
    token,
    ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function publish(token: string, events: Record<string, unknown>[]) {
  const response = await t.call('/v1/events', {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

const loanEvent = (type: string, loan: number, atMs: number) => ({
  specversion: '1.0',
  id: `${type}-${loan}`,
  source: '/lending',
  type,
  subject: `loan-${loan}`,
  time: new Date(atMs).toISOString(),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-accepted-'));
  await writeLendingOrg(path.join(dir, 'org'));
  t = await startTestApp({ orgDir: path.join(dir, 'org'), dataDir: path.join(dir, 'data'), clock });
  tokens.intake = await t.tokenFor('intake');
  tokens.credit = await t.tokenFor('credit');
  tokens.cleo = await t.tokenFor('credit', 'Cleo');
  tokens.ivy = await t.tokenFor('intake', 'Ivy');
  // Credit answers every loan request 6 to 7 hours later: the waiting edge is credit's bottleneck.
  const [requests, decisions] = [[], []] as Record<string, unknown>[][];
  for (let loan = 1; loan <= LOANS; loan++) {
    const asked = START + loan * HOUR;
    requests!.push(loanEvent('com.lend.loan.requested', loan, asked));
    decisions!.push(loanEvent('com.lend.credit.decided', loan, asked + 6 * HOUR + (loan % 3) * 20 * 60_000));
  }
  await publish(tokens.intake, requests!);
  await publish(tokens.credit, decisions!);
  await t.app.runtime.feed.settle();
  expect((await json(null, 'POST', '/v1/insights/check')).status).toBe(401);
  expect((await t.call('/v1/insights/check', { method: 'POST' })).status).toBe(200);
  const open = await json(tokens.credit, 'GET', '/v1/insights/recommendations?cell=credit&state=open');
  recommendation = (open.body.recommendations as Recommendation[]).find((r) => r.kind === 'bottleneck')!;
  expect(recommendation).toBeDefined();
});

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an accepted recommendation in the running app', () => {
  it('starts an experiment of the accepting cell, with no tension and no decision behind it', async () => {
    const tensionsBefore = (await json(tokens.intake, 'GET', '/v1/tensions')).body.tensions.length;
    const accepted = await json(tokens.credit, 'POST', `/v1/insights/recommendations/${recommendation.id}/accept`, {
      move: 'Decide small loans within the hour',
      reviewDate: '2w',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.experiment).toMatch(/^E-\d+$/);
    expect(accepted.body.tension).toBeUndefined();
    experimentId = accepted.body.experiment;

    const { body } = await json(tokens.intake, 'GET', '/v1/experiments');
    const experiment = (body.experiments as Experiment[]).find((e) => e.id === experimentId);
    expect(experiment).toMatchObject({
      cell: 'credit',
      recommendation: recommendation.id,
      title: recommendation.title,
      move: 'Decide small loans within the hour',
      metric: recommendation.metric,
      reviewDate: '2026-03-18',
      state: 'running',
      startedBy: "cell:credit's token",
    });
    expect(experiment!.tensionId).toBeUndefined();
    expect(experiment!.decisionId).toBeUndefined();
    expect(experiment!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'insight', ref: `recommendation:${recommendation.id}` }),
    );
    // Choosing for itself raised nothing for anyone else to decide.
    expect((await json(tokens.intake, 'GET', '/v1/tensions')).body.tensions).toHaveLength(tensionsBefore);
  });

  it('shows the experiment on the recommendation, and records it in the log on the recommendation’s case', async () => {
    const shown = await json(tokens.intake, 'GET', `/v1/insights/recommendations/${recommendation.id}`);
    expect(shown.body).toMatchObject({ state: 'accepted', experiment: experimentId });

    const started = await json(tokens.intake, 'GET', '/v1/events?type=dev.cello.experiment.started');
    expect(started.body.events).toHaveLength(1);
    expect(started.body.events[0]).toMatchObject({
      source: '/cello/governance',
      subject: recommendation.id,
      data: {
        experiment: experimentId,
        cell: 'cell:credit',
        recommendation: recommendation.id,
        move: 'Decide small loans within the hour',
        reviewDate: '2026-03-18',
      },
    });
    const history = await json(tokens.intake, 'GET', `/v1/events?subject=${recommendation.id}`);
    expect((history.body.events as { type: string }[]).map((e) => e.type)).toEqual([
      'dev.cello.recommendation.made',
      'dev.cello.experiment.started',
      'dev.cello.recommendation.accepted',
    ]);
  });

  it('is not on the review agenda before its review date', async () => {
    const planned = await json(tokens.ivy, 'POST', '/v1/reviews', { cell: 'intake' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect((planned.body.agenda as { kind: string }[]).filter((i) => i.kind === 'experiment')).toEqual([]);
  });

  it('comes back on the review agenda once its review date has passed, and deciding it concludes it', async () => {
    clock.set('2026-03-19T09:00:00.000Z');
    const planned = await json(tokens.ivy, 'POST', '/v1/reviews', { cell: 'intake' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const item = (
      planned.body.agenda as {
        kind: string;
        tensionId: string;
        cells: string[];
        type: string;
        title: string;
        route: { decider?: string };
        evidence: { evidence: { kind: string; ref: string }[] };
      }[]
    ).find((i) => i.kind === 'experiment');
    expect(item).toMatchObject({ cells: ['credit'], type: 'process' });
    expect(item!.title).toContain(`Experiment ${experimentId} of cell:credit is due for review`);
    expect(item!.evidence.evidence).toContainEqual(expect.objectContaining({ kind: 'experiment', ref: experimentId }));
    expect(item!.evidence.evidence).toContainEqual(
      expect.objectContaining({ kind: 'insight', ref: `recommendation:${recommendation.id}` }),
    );

    expect((await json(tokens.ivy, 'POST', '/v1/reviews/current/start')).status).toBe(200);
    const decided = await json(tokens.cleo, 'POST', `/v1/reviews/current/items/${item!.tensionId}/decisions`, {
      outcome: 'drop',
      reason: 'Small loans were decided within the hour, but larger ones waited longer.',
      rationale: 'The move helped only half the cases.',
      result: 'Median wait fell from 6h20m to 3h.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);

    const { body } = await json(tokens.intake, 'GET', '/v1/experiments?state=concluded');
    expect((body.experiments as Experiment[]).find((e) => e.id === experimentId)).toMatchObject({
      state: 'concluded',
      result: 'Median wait fell from 6h20m to 3h.',
    });
    const concluded = await json(tokens.intake, 'GET', '/v1/events?type=dev.cello.experiment.concluded');
    expect(concluded.body.events).toHaveLength(1);
    expect(concluded.body.events[0]).toMatchObject({
      subject: recommendation.id,
      data: { experiment: experimentId, cell: 'cell:credit', review: item!.tensionId, outcome: 'drop' },
    });
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(t.app.store.events, [RecommendationAccepted, ExperimentConcluded]);
  });
});

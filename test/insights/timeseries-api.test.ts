/**
 * GET /v1/insights/timeseries on a real server: the lending organization (credit promises intake 90% of loan
 * decisions within 4 hours), loans requested and decided at known times over three days, figures per day.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SloStatus, Timeseries } from '../../src/insights/index.js';
import { ManualClock } from '../../src/shared/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { writeLendingOrg } from './lending-org.js';

const H = 3_600_000;
// A Wednesday noon: the third day of the series is still filling.
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const RANGE = 'from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z';

let dir: string;
let server: TestApp;

const event = (type: string, loan: number, iso: string) => ({
  specversion: '1.0',
  id: `${type}-${loan}`,
  source: '/lending',
  type,
  subject: `loan-${loan}`,
  time: iso,
});

async function publish(token: string, events: Record<string, unknown>[]): Promise<void> {
  const response = await server.call('/v1/events', {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

async function get<T>(pathname: string): Promise<{ status: number; body: T }> {
  const response = await server.call(pathname);
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-timeseries-'));
  const orgDir = path.join(dir, 'org');
  await writeLendingOrg(orgDir);
  server = await startTestApp({ orgDir, dataDir: path.join(dir, 'data'), clock: new ManualClock(new Date(NOW)) });
  const intake = await server.tokenFor('intake');
  const credit = await server.tokenFor('credit');
  await publish(intake, [
    // Monday: four loans at 09:00.
    ...[1, 2, 3, 4].map((loan) => event('com.lend.loan.requested', loan, '2026-03-02T09:00:00Z')),
    // Tuesday: one in the morning, one in the evening.
    event('com.lend.loan.requested', 5, '2026-03-03T08:00:00Z'),
    event('com.lend.loan.requested', 6, '2026-03-03T20:00:00Z'),
    // Wednesday, before noon.
    event('com.lend.loan.requested', 7, '2026-03-04T09:00:00Z'),
    event('com.lend.loan.requested', 8, '2026-03-04T10:00:00Z'),
  ]);
  await publish(credit, [
    event('com.lend.credit.decided', 1, '2026-03-02T10:00:00Z'), // 1 h
    event('com.lend.credit.decided', 2, '2026-03-02T11:00:00Z'), // 2 h
    event('com.lend.credit.decided', 3, '2026-03-02T15:00:00Z'), // 6 h: late; loan 4 is never decided
    event('com.lend.credit.decided', 5, '2026-03-03T08:30:00Z'), // 30 min
    event('com.lend.credit.decided', 6, '2026-03-04T01:00:00Z'), // 5 h, late, on the next day
    event('com.lend.credit.decided', 7, '2026-03-04T10:00:00Z'), // 1 h; loan 8 is still within its 4 hours at noon
  ]);
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('GET /v1/insights/timeseries', () => {
  it('returns day buckets with throughput, per type prefix, and Cello’s own records left out of the total', async () => {
    const { status, body } = await get<Timeseries>(`/v1/insights/timeseries?bucket=day&${RANGE}&type=com.lend.loan.*`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      schema: 'cello.timeseries/1',
      generatedAt: new Date(NOW).toISOString(),
      bucket: 'day',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-05T00:00:00.000Z',
    });
    expect(body.buckets).toEqual([
      { start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z', partial: false },
      { start: '2026-03-03T00:00:00.000Z', end: '2026-03-04T00:00:00.000Z', partial: false },
      { start: '2026-03-04T00:00:00.000Z', end: '2026-03-05T00:00:00.000Z', partial: true },
    ]);
    // The manifests applied at start-up (dev.cello.manifest.applied, today) are not throughput.
    expect(body.events).toEqual({ total: [7, 3, 4], byType: [{ type: 'com.lend.loan.*', counts: [4, 2, 2] }] });
  });

  it('gives each agreement SLO its latency and compliance per day, requests judged in the day they were made', async () => {
    const { body } = await get<Timeseries>(`/v1/insights/timeseries?bucket=day&${RANGE}`);
    expect(body.slos).toHaveLength(1);
    const [series] = body.slos;
    expect(series).toMatchObject({
      agreement: 'credit-for-intake',
      provider: 'credit',
      consumer: 'intake',
      slo: 'decided-within-4h',
      objective: 0.9,
      within: '4h',
      request: 'com.lend.loan.requested',
      response: 'com.lend.credit.decided',
      correlateBy: 'subject',
      uncorrelated: 0,
    });
    expect(series!.points).toEqual([
      {
        counted: 4,
        met: 2,
        missed: 2,
        pending: 0,
        compliance: 0.5,
        latency: { medianMs: 2 * H, p90Ms: 5.2 * H, answered: 3 },
      },
      {
        counted: 2,
        met: 1,
        missed: 1,
        pending: 0,
        compliance: 0.5,
        latency: { medianMs: 2.75 * H, p90Ms: 4.55 * H, answered: 2 },
      },
      { counted: 1, met: 1, missed: 0, pending: 1, compliance: 1, latency: { medianMs: H, p90Ms: H, answered: 1 } },
    ]);
  });

  it('adds up to what GET /v1/insights/slos measures over the SLO’s window', async () => {
    const { body } = await get<Timeseries>(`/v1/insights/timeseries?bucket=hour&from=2026-03-02T00:00:00Z`);
    expect(body.buckets).toHaveLength(61);
    const points = body.slos[0]!.points;
    const sum = (pick: (p: (typeof points)[number]) => number) => points.reduce((n, p) => n + pick(p), 0);
    const slos = (await get<{ slos: SloStatus[] }>('/v1/insights/slos')).body.slos;
    expect(slos[0]).toMatchObject({
      counted: sum((p) => p.counted),
      met: sum((p) => p.met),
      missed: sum((p) => p.missed),
      pending: sum((p) => p.pending),
    });
    // Monday 09:00 holds the four requests of that day.
    expect(points[9]).toMatchObject({ counted: 4, met: 2, compliance: 0.5 });
  });

  it('refuses more than 400 buckets, and names what to change', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(
      '/v1/insights/timeseries?bucket=hour&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toBe(
      'The range from 2026-01-01T00:00:00.000Z to 2026-03-01T00:00:00.000Z holds 1416 hour buckets; a time series holds at most 400. Choose a larger bucket (bucket=day or bucket=week) or a shorter range.',
    );
    const weeks = await get<Timeseries>(
      '/v1/insights/timeseries?bucket=week&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    );
    expect(weeks.status).toBe(200);
    expect(weeks.body.buckets[0]!.start).toBe('2025-12-29T00:00:00.000Z');
    expect((await get('/v1/insights/timeseries?bucket=month')).status).toBe(400);
  });

  it('is documented in /openapi.json, where the dashboard looks for it', async () => {
    const openapi = (await (await server.call('/openapi.json', { token: null })).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(openapi.paths['/v1/insights/timeseries'] ?? {})).toContain('get');
  });
});

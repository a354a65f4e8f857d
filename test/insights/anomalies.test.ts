/**
 * Anomalies from a real store: a burst of requests in the last complete hour, decisions that suddenly take far
 * longer, a loan left waiting, and a tension raised days after its first signal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/engine/index.js';
import { createInsights, type AnomalyReport } from '../../src/insights/index.js';
import { applyManifests } from '../../src/manifests/index.js';
import { celloEvent, TensionRaised } from '../../src/model/index.js';
import type { AppendInput, Store } from '../../src/store/index.js';
import { ManualClock, silentLogger } from '../../src/shared/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { lendingOrg } from './lending-org.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';

const H = 3_600_000;
const NOW = Date.parse('2026-03-10T12:20:00.000Z');
const HOUR = Date.parse('2026-03-10T12:00:00.000Z');
const dir = mkdtempSync(path.join(tmpdir(), 'cello-anomalies-'));
let store: Store;
let report: AnomalyReport;

beforeAll(async () => {
  const clock = new ManualClock(new Date(NOW));
  store = createSqliteStore({ dataDir: dir, clock, synchronous: 'normal' });
  await store.migrate(MODULE_MIGRATIONS);
  await applyManifests(store, lendingOrg(), { clock, actor: 'test' });
  const inputs: AppendInput[] = [];
  const add = (id: string, type: string, subject: string, atMs: number, publisher?: string) =>
    inputs.push({
      event: { specversion: '1.0', id, source: '/test', type, subject, time: new Date(atMs).toISOString() },
      ...(publisher ? { publisher } : {}),
    });
  // 48 hours of 3 loans an hour decided within 10 to 15 minutes; in the last complete hour, 30 decisions, each after 3 hours
  // (their requests came 3 hours earlier, so intake's volume is not unusual in the hour judged).
  for (let h = 48; h >= 1; h--) {
    const start = HOUR - h * H;
    const loans = h === 1 ? 30 : 3;
    for (let i = 0; i < loans; i++) {
      const loan = `loan-${h}-${i}`;
      const decided = start + 30 * 60_000 + i * 1000;
      const wait = h === 1 ? 3 * H : (10 + (h % 6)) * 60_000;
      add(`r-${loan}`, 'com.lend.loan.requested', loan, decided - wait, 'intake');
      add(`d-${loan}`, 'com.lend.credit.decided', loan, decided, 'credit');
    }
  }
  add('r-stuck', 'com.lend.loan.requested', 'loan-stuck', NOW - 5 * H, 'intake');
  inputs.push({
    event: celloEvent(TensionRaised, {
      id: 't1',
      subject: 'T-1',
      time: new Date(NOW - H),
      data: {
        tension: 'T-1',
        title: 'Decisions are slow',
        type: 'interface',
        cells: ['credit'],
        severity: 'medium',
        observedAt: new Date(NOW - 5 * 24 * H).toISOString(),
        raisedBy: 'cell:intake',
        origin: 'person',
        evidence: [],
        route: { routed: false, reason: 'no decision right covers interface tensions' },
      },
    }),
  });
  await store.events.append(inputs);
  const runtime = await createRuntime({ store, logger: silentLogger, clock });
  report = await createInsights({ runtime }, { checkIntervalMs: 0 }).anomalies({ buckets: 48 });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('anomalies', () => {
  it('judge the last complete hour against the hours before it, per event type and per cell', () => {
    expect(report.judgedBucketStart).toBe(new Date(HOUR - H).toISOString());
    const found = report.anomalies.map((a) => `${a.metric} ${a.direction} ${a.scope}:${a.key}`);
    // Latency first: 3 hours against a usual 13 minutes lies further out than 30 decisions against a usual 3.
    expect(found).toEqual([
      'latency high type:com.lend.credit.decided',
      'latency high cell:credit',
      'volume high type:com.lend.credit.decided',
      'volume high cell:credit',
    ]);
    const latency = report.anomalies.find((a) => a.metric === 'latency' && a.scope === 'type')!;
    expect(latency).toMatchObject({ value: 3 * H, baselineMedian: 13 * 60_000, bucket: 'hour' });
  });

  it('find the case waiting longer than usual, and whom it waits on', () => {
    expect(report.stalledCases.total).toBe(1);
    expect(report.stalledCases.cases[0]).toMatchObject({
      case: 'loan-stuck',
      lastActivity: 'com.lend.loan.requested',
      expectedNext: 'com.lend.credit.decided',
      waitingOn: 'credit',
    });
  });

  it('find the tension raised days after its first signal', () => {
    expect(report.lateEscalations).toMatchObject({
      raised: 1,
      late: [{ tension: 'T-1', surfacedAfterMs: 5 * 24 * H - H }],
    });
  });
});

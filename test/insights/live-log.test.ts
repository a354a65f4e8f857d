/**
 * Live mining against a real SQLite store: the case notion of the organization (CEL per type, subject, caseid),
 * resources, filters, governance facts read back from the log, and the XES export that `cello mine` reads back
 * to the same figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, bufferedOutput, main } from '../../src/cli/index.js';
import { createRuntime, type Runtime } from '../../src/engine/index.js';
import { readGovernanceHistory } from '../../src/insights/facts/governance-history.js';
import { createInsights, mineLog, type Insights, type MiningResult } from '../../src/insights/index.js';
import { applyManifests } from '../../src/manifests/index.js';
import {
  celloEvent,
  ReviewClosed,
  TensionDecided,
  TensionRaised,
  type CloudEvent,
  type Manifest,
} from '../../src/model/index.js';
import { ManualClock, silentLogger } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { lendingOrg } from './lending-org.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';

const H = 3_600_000;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const dir = mkdtempSync(path.join(tmpdir(), 'cello-live-log-'));
const clock = new ManualClock(new Date(T0 + 48 * H));
let store: Store;
let runtime: Runtime;
let insights: Insights;

const ev = (id: string, type: string, atMs: number, extra: Partial<CloudEvent> = {}): CloudEvent => ({
  specversion: '1.0',
  id,
  source: '/test',
  type,
  time: new Date(atMs).toISOString(),
  ...extra,
});

beforeAll(async () => {
  store = createSqliteStore({ dataDir: dir, clock, synchronous: 'normal' });
  await store.migrate(MODULE_MIGRATIONS);
  const org = lendingOrg().map((m) =>
    m.kind === 'Organization'
      ? ({
          ...m,
          spec: {
            ...m.spec,
            mining: { caseIds: [{ type: 'com.lend.loan.requested', expression: 'event.data.loan' }] },
          },
        } as Manifest)
      : m,
  );
  await applyManifests(store, org, { clock, actor: 'test' });
  await store.events.append([
    // loan-1: the request names its loan in data (the CEL rule), the decision and closing by subject.
    {
      event: ev('r1', 'com.lend.loan.requested', T0, { subject: 'ignored', data: { loan: 'loan-1' } }),
      publisher: 'intake',
    },
    {
      event: ev('d1', 'com.lend.credit.decided', T0 + 2 * H, {
        subject: 'loan-1',
        extensions: { workflow: 'credit-approval', template: 'credit-approval@1' },
      }),
    },
    { event: ev('c1', 'com.lend.loan.closed', T0 + 3 * H, { subject: 'loan-1' }), publisher: 'intake' },
    // loan-2: no subject; the caseid extension places the decision; it is decided twice (rework).
    { event: ev('r2', 'com.lend.loan.requested', T0 + H, { data: { loan: 'loan-2' } }), publisher: 'intake' },
    {
      event: ev('d2', 'com.lend.credit.decided', T0 + 5 * H, { extensions: { caseid: 'loan-2' } }),
      publisher: 'credit',
    },
    { event: ev('d2b', 'com.lend.credit.decided', T0 + 6 * H, { subject: 'loan-2' }), publisher: 'credit' },
    // No case: a request whose data names no loan, and Cello's own records.
    { event: ev('r3', 'com.lend.loan.requested', T0 + 7 * H, { data: {} }), publisher: 'intake' },
    {
      event: celloEvent(TensionRaised, {
        id: 't1',
        subject: 'T-1',
        time: new Date(T0 + 8 * H),
        data: {
          tension: 'T-1',
          title: 'Slow',
          type: 'interface',
          cells: ['credit'],
          severity: 'medium',
          observedAt: new Date(T0 + 4 * H).toISOString(),
          raisedBy: 'cell:intake',
          origin: 'person',
          evidence: [],
          route: { routed: false, reason: 'no decision right covers interface tensions' },
        },
      }),
    },
    {
      event: celloEvent(TensionDecided, {
        id: 't2',
        subject: 'T-1',
        time: new Date(T0 + 9 * H),
        data: {
          tension: 'T-1',
          decision: 'D-1',
          outcome: 'experiment',
          method: 'owner',
          decidedBy: 'cell:credit',
          criteria: [],
          rationale: 'try it',
        },
      }),
    },
    {
      event: celloEvent(ReviewClosed, {
        id: 'v1',
        subject: 'V-1',
        time: new Date(T0 + 10 * H),
        data: { review: 'V-1', by: 'cell:ops', items: 2, decided: 0, undecided: 2, noDecision: true, decisions: [] },
      }),
    },
  ]);
  runtime = await createRuntime({ store, logger: silentLogger, clock });
  insights = createInsights({ runtime }, { checkIntervalMs: 0 });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the live log', () => {
  it("groups events into cases as the organization says, the publisher (else the type's owner) as resource", async () => {
    const map = await insights.processMap();
    expect(map.caseNotion).toBe(
      'com.lend.loan.requested: event.data.loan; otherwise the subject, then the caseid extension',
    );
    expect(map.summary).toMatchObject({ cases: 2, events: 6 });
    expect(map.variants.map((v) => v.activities)).toEqual([
      ['com.lend.loan.requested', 'com.lend.credit.decided', 'com.lend.loan.closed'],
      ['com.lend.loan.requested', 'com.lend.credit.decided', 'com.lend.credit.decided'],
    ]);
    expect(map.rework).toMatchObject({ cases: 1, share: 0.5 });
    expect(map.withoutCase).toBe(1);
    expect(map.log.warnings).toEqual([
      expect.stringContaining('The case-id expression of com.lend.loan.requested failed on 1 event(s)'),
    ]);
    // d1 has no publisher: credit, which offers the type, stands in.
    expect(map.handovers).toEqual([
      { from: 'intake', to: 'credit', count: 2 },
      { from: 'credit', to: 'intake', count: 1 },
    ]);
  });

  it('filters by type, time window and workflow, and keeps Cello’s own records only when asked', async () => {
    expect((await insights.processMap({ types: ['com.lend.credit.*'] })).summary.events).toBe(3);
    expect((await insights.processMap({ fromMs: T0 + 4 * H })).summary).toMatchObject({ cases: 1, events: 2 });
    const flow = await insights.processMap({ workflow: 'credit-approval' });
    expect(flow.summary).toMatchObject({ cases: 1, events: 3 });
    expect((await insights.processMap({ template: 'credit-approval' })).summary.cases).toBe(1);
    expect((await insights.processMap({ template: 'credit-approval@2' })).summary.cases).toBe(0);
    const all = await insights.processMap({ includeCello: true });
    expect(all.summary.cases).toBe(4);
    expect(all.activities.map((a) => a.activity)).toContain(TensionRaised);
  });

  it('reads governance facts back from the log', async () => {
    const history = await readGovernanceHistory(store.events);
    expect(history.tensions).toEqual([
      expect.objectContaining({
        id: 'T-1',
        type: 'interface',
        state: 'decided',
        observedAtMs: T0 + 4 * H,
        raisedAtMs: T0 + 8 * H,
        awaiting: [[T0 + 8 * H, T0 + 9 * H]],
      }),
    ]);
    expect(history.reviews).toEqual([{ id: 'V-1', items: 2, decided: 0, noDecision: true, closedAtMs: T0 + 10 * H }]);
  });

  it('exports XES that `cello mine` reads back to the same figures', async () => {
    const file = path.join(dir, 'live.xes');
    const output = bufferedOutput();
    expect(
      await main(['node', 'cello', 'export', '--xes', '--out', file, '--data-dir', dir], { output, env: {}, cwd: dir }),
    ).toBe(EXIT.ok);
    expect(output.stderr).toContain('Exported 2 cases, 6 events (1 without a case id left out)');
    const mined = bufferedOutput();
    expect(await main(['node', 'cello', 'mine', file, '--json'], { output: mined, env: {}, cwd: dir })).toBe(EXIT.ok);
    const fromFile = JSON.parse(mined.stdout) as MiningResult;
    const { log: _live, ...live } = mineLog((await insights.liveLog()).log);
    const { log: _file, ...back } = fromFile;
    expect(back).toEqual(live);
  });

  it('asks for the format', async () => {
    const output = bufferedOutput();
    expect(await main(['node', 'cello', 'export', '--data-dir', dir], { output, env: {}, cwd: dir })).toBe(EXIT.failed);
    expect(output.stderr).toContain('--xes');
  });
});

import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedOutput, main } from '../../src/cli/index.js';
import { simulateAcmeHistory } from '../../src/cli/simulate/acme-history.js';
import { publishInBatches } from '../../src/cli/simulate/publish-in-batches.js';
import type { PublishEvent } from '../../src/client/index.js';
import { InputError, LimitError } from '../../src/shared/index.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';

const ACME = path.resolve(import.meta.dirname, '../../examples/acme');

async function cello(args: string[], env: NodeJS.ProcessEnv) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: { ...env, NO_COLOR: '1' } });
  return { code, stdout: stripVTControlCharacters(output.stdout), stderr: stripVTControlCharacters(output.stderr) };
}

describe('cello simulate against a server running examples/acme', () => {
  let server: TestApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const orgDir = mkdtempSync(path.join(os.tmpdir(), 'cello-acme-'));
    cpSync(ACME, orgDir, { recursive: true });
    server = await startTestApp({ orgDir });
    env = { CELLO_URL: server.url, CELLO_TOKEN: ADMIN_TOKEN };
  });
  afterAll(async () => server?.close());

  const get = async <T>(pathname: string): Promise<T> => (await server.call(pathname)).json() as Promise<T>;

  /** The simulated events of seed 1 in the log, read page by page. */
  async function simulatedEvents(): Promise<number> {
    let count = 0;
    let after = 0;
    for (;;) {
      const page = await get<{ events: Record<string, unknown>[]; next: number | null }>(
        `/v1/events?type=com.acme.*&limit=1000&after=${after}`,
      );
      count += page.events.filter((e) => e.simulation === 'seed-1').length;
      if (page.next === null) return count;
      after = page.next;
    }
  }

  it("fills the log with Acme's stories: the process map shows them and slow risk breaks its SLO", async () => {
    const run = await cello(['simulate', '--days', '3', '--cases', '20', '--slow', 'risk'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Simulated 3 day(s) of Acme (seed 1): 8 loans, 9 customer cases, 3 forecast changes, 5 platform incidents; risk answers late.',
    );
    expect(run.stdout).toMatch(/com\.acme\.finance\.credit\.requested\s+8\n/);
    expect(run.stdout).toContain(`${server.url}/`);
    expect(run.stdout).toContain(
      "cello insights slos         SLO compliance; risk's late answers show in risk-signals-for-finance/score-within-5m",
    );

    const map = await get<{ activities: { activity: string }[] }>('/v1/insights/process-map');
    expect(map.activities.map((a) => a.activity)).toEqual(
      expect.arrayContaining([
        'com.acme.finance.credit.requested',
        'com.acme.risk.score.changed',
        'com.acme.finance.credit.decided',
        'com.acme.support.case.opened',
        'com.acme.support.case.acknowledged',
        'com.acme.support.case.resolved',
        'com.acme.demand.forecast.changed',
        'com.acme.manufacturing.plan.adjusted',
        'com.acme.platform.incident.opened',
        'com.acme.platform.incident.resolved',
      ]),
    );

    const { slos } = await get<{
      slos: {
        agreement: string;
        provider: string;
        state: string;
        compliance: number | null;
        objective: number;
        counted: number;
      }[];
    }>('/v1/insights/slos');
    const risk = slos.find((s) => s.agreement === 'risk-signals-for-finance')!;
    expect(risk).toMatchObject({ provider: 'risk', state: 'breached' });
    expect(risk.compliance!).toBeLessThan(risk.objective);
    // Nothing else was slowed: the support SLOs hold.
    expect(slos.filter((s) => s.agreement.startsWith('support-intake')).map((s) => s.state)).not.toContain('breached');
  });

  it('publishes nothing twice: a second run with the same seed finds every event in the log', async () => {
    const before = await simulatedEvents();
    expect(before).toBeGreaterThan(50);
    const again = await cello(['simulate', '--days', '3', '--cases', '20', '--slow', 'risk'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Published 0 event(s); ${before} were already in the log:`);
    expect(again.stdout).toContain('Nothing new: seed 1 was simulated on this server before. Pass another --seed');
    expect(await simulatedEvents()).toBe(before);
  });

  it('says what is wrong when the token, the server or a flag is not right', async () => {
    const noToken = await cello(['simulate'], { CELLO_URL: server.url });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('cello simulate needs the admin token: pass --token, or export CELLO_TOKEN=');

    const cell = await cello(['simulate', '--token', await server.tokenFor('risk')], { CELLO_URL: server.url });
    expect(cell.code).toBe(1);
    expect(cell.stderr).toMatch(/needs the admin token, but this token acts as .*risk/);

    const noServer = await cello(['simulate', '--url', 'http://127.0.0.1:9'], env);
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain('No Cello server answers at http://127.0.0.1:9');

    const slow = await cello(['simulate', '--slow', 'demand-planning'], env);
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain(
      '--slow takes a cell that answers requests in the simulation (risk, finance, manufacturing, cs-emea, cs-americas, platform), not "demand-planning"',
    );
    expect((await cello(['simulate', '--days', '0'], env)).stderr).toContain(
      '--days must be a whole number from 1 to 90, not "0".',
    );
  });
});

describe('simulateAcmeHistory', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('is deterministic: the same seed gives the same events, another seed other cases', () => {
    const first = simulateAcmeHistory({ days: 7, cases: 60, seed: 4, now });
    expect(simulateAcmeHistory({ days: 7, cases: 60, seed: 4, now })).toEqual(first);
    const other = simulateAcmeHistory({ days: 7, cases: 60, seed: 5, now });
    const ids = new Set(first.events.map((e) => e.id));
    expect(other.events.some((e) => ids.has(e.id))).toBe(false);
    expect(first.events[0]!.id).toMatch(/^s4\./);
  });

  it('keeps to the past N days, in time order, and leaves cases open rather than invent the future', () => {
    const { events } = simulateAcmeHistory({ days: 7, cases: 60, seed: 4, now });
    const times = events.map((e) => Date.parse(e.time as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    // Cases start within the window; their later steps may follow by up to a few days.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 8 * 86_400_000);
  });

  it('slows only the cell it is asked to', () => {
    const scoreDelays = (slow?: 'risk' | 'finance') => {
      const { events } = simulateAcmeHistory({ days: 7, cases: 100, seed: 2, now, ...(slow ? { slow } : {}) });
      const requested = new Map(
        events
          .filter((e) => e.type === 'com.acme.finance.credit.requested')
          .map((e) => [e.subject, Date.parse(e.time as string)]),
      );
      return events
        .filter((e) => e.id!.endsWith('.scored'))
        .map((e) => Date.parse(e.time as string) - requested.get(e.subject)!);
    };
    const late = (delays: number[]) => delays.filter((ms) => ms > 5 * 60_000).length / delays.length;
    expect(late(scoreDelays())).toBe(0);
    expect(late(scoreDelays('finance'))).toBe(0);
    expect(late(scoreDelays('risk'))).toBeGreaterThan(0.5);
  });
});

describe('publishInBatches', () => {
  const events: PublishEvent[] = Array.from({ length: 5 }, (_, i) => ({
    id: `e${i}`,
    source: '/test',
    type: i < 3 ? 'com.acme.a' : 'com.acme.b',
  }));

  it('waits out a 429 for as long as Retry-After asks, then sends the same batch again', async () => {
    const sent: string[][] = [];
    const waits: number[] = [];
    let refusals = 1;
    const tally = await publishInBatches(
      events,
      {
        async publish(batch) {
          sent.push(batch.map((e) => e.id!));
          if (sent.length === 2 && refusals-- > 0)
            throw new LimitError('This token sent more than 120000 requests in a minute.', { status: 429 });
          return {
            accepted: batch.length,
            events: batch.map((e) => ({ id: e.id!, source: e.source, duplicate: e.id === 'e0' })),
          };
        },
        retryAfterMs: () => 7_000,
      },
      { batchSize: 2, maxWaits: 3, sleep: async (ms) => void waits.push(ms) },
    );
    expect(sent).toEqual([['e0', 'e1'], ['e2', 'e3'], ['e2', 'e3'], ['e4']]);
    expect(waits).toEqual([7_000]);
    expect(Object.fromEntries(tally)).toEqual({
      'com.acme.a': { published: 2, duplicates: 1 },
      'com.acme.b': { published: 2, duplicates: 0 },
    });
  });

  it('stops at a refusal that waiting cannot fix', async () => {
    const refuse = async () => {
      throw new InputError('The data of com.acme.a does not match the schema its offer declares.');
    };
    await expect(
      publishInBatches(
        events,
        { publish: refuse, retryAfterMs: () => undefined },
        { batchSize: 2, maxWaits: 3, sleep: async () => undefined },
      ),
    ).rejects.toThrow('does not match the schema');
  });
});

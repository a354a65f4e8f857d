/** `cello health` and `cello insights …` against a real server on 127.0.0.1. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, bufferedOutput, main } from '../../src/cli/index.js';
import type { HealthReport } from '../../src/insights/index.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { writeLendingOrg } from './lending-org.js';

const HOUR = 3_600_000;
let dir: string;
let server: TestApp;
let intake: string;

async function cello(...args: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args, '--url', server.url], {
    output,
    env: { CELLO_TOKEN: ADMIN_TOKEN },
    cwd: dir,
  });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-insights-cli-'));
  await writeLendingOrg(path.join(dir, 'org'));
  server = await startTestApp({ orgDir: path.join(dir, 'org'), dataDir: path.join(dir, 'data') });
  intake = await server.tokenFor('intake');
  const now = Date.now();
  const events = [1, 2, 3].flatMap((n) => [
    {
      specversion: '1.0',
      id: `r${n}`,
      source: '/cli',
      type: 'com.lend.loan.requested',
      subject: `loan-${n}`,
      time: new Date(now - (10 - n) * HOUR).toISOString(),
    },
    {
      specversion: '1.0',
      id: `c${n}`,
      source: '/cli',
      type: 'com.lend.loan.closed',
      subject: `loan-${n}`,
      time: new Date(now - (9 - n) * HOUR).toISOString(),
    },
  ]);
  const response = await server.call('/v1/events', {
    method: 'POST',
    token: intake,
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
  expect(response.status).toBe(202);
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cello health', () => {
  it('prints the three areas and the weekly trend', async () => {
    const { code, stdout } = await cello('health', '--weeks', '3');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Orchestration health: /);
    expect(stdout).toContain('Teams: ');
    expect(stdout).toContain('Boundaries: ');
    expect(stdout).toContain('Conflicts: ');
    expect(stdout).toContain('rework: 0 of 3 cases (0%)');
    expect(stdout.split('\n').filter((l) => /^ {2}\d{4}-\d{2}-\d{2} /.test(l))).toHaveLength(3);
  });

  it('prints JSON with --json, and refuses a bad --weeks', async () => {
    const { code, stdout } = await cello('health', '--json');
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(stdout) as HealthReport;
    expect(report.schema).toBe('cello.health/1');
    expect(report.trend).toHaveLength(8);
    expect((await cello('health', '--weeks', 'many')).code).toBe(EXIT.failed);
  });
});

describe('cello insights', () => {
  it('shows the live process map and the SLOs', async () => {
    const map = await cello('insights', 'map');
    expect(map.code).toBe(EXIT.ok);
    expect(map.stdout).toContain('3 cases, 6 events, 2 activities, 1 variants');
    // Read: the six events and the apply record (not mined).
    expect(map.stdout).toContain('Cases: the subject, then the caseid extension. 7 events read, 0 without a case id.');
    const slos = await cello('insights', 'slos');
    expect(slos.stdout).toContain('credit-for-intake/decided-within-4h');
    expect(slos.stdout).toContain('insufficient-data');
  });

  it('lists recommendations and refuses to decide one that does not exist', async () => {
    const list = await cello('insights', 'recommendations');
    expect(list).toMatchObject({ code: EXIT.ok, stdout: 'No recommendations.\n' });
    const missing = await cello('insights', 'dismiss', 'R-404', '--reason', 'nope');
    expect(missing.code).toBe(EXIT.findings);
    expect(missing.stderr).toContain('There is no recommendation "R-404"');
    const stats = await cello('insights', 'stats');
    expect(stats.stdout).toContain('all: 0 made');
  });

  it('reports anomalies', async () => {
    const { code, stdout } = await cello('insights', 'anomalies');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('No volume or latency anomalies.');
    expect(stdout).toContain('Stalled cases: 0.');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-mine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

async function cello(...args: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: {}, cwd: dir });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

// Two loans: L1 waits 2 days for approval, L2 is rejected and reworked.
const CSV = `loan,step,at,org:resource,lifecycle:transition
L1,submit,2024-05-01 09:00:00+02:00,ann,complete
L1,approve,2024-05-03 09:00:00+02:00,bob,complete
L2,submit,2024-05-01 10:00:00Z,ann,complete
L2,review,2024-05-01 11:00:00Z,bob,start
L2,review,2024-05-01 12:00:00Z,bob,complete
L2,approve,2024-05-01 13:00:00Z,cy,complete
`;

describe('cello mine', () => {
  const log = file('loans.csv', CSV);
  const flags = ['--case', 'loan', '--activity', 'step', '--timestamp', 'at'];

  it('prints a readable summary', async () => {
    const { code, stdout } = await cello('mine', log, ...flags);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('2 cases, 6 events, 3 activities, 2 variants, 3 resources');
    expect(stdout).toContain('From 2024-05-01T07:00:00.000Z to 2024-05-03T07:00:00.000Z (UTC)');
    expect(stdout).toContain('submit → approve: 1×, median 2d');
    expect(stdout).toContain('Rework: 1 of 2 cases (50%) repeat an activity');
    expect(stdout).toContain('Start activities: submit 2');
  });

  it('prints the full result as JSON, and --top cuts its lists', async () => {
    const { code, stdout } = await cello('mine', log, ...flags, '--json');
    expect(code).toBe(EXIT.ok);
    const result = JSON.parse(stdout);
    expect(result.schema).toBe('cello.mining/1');
    expect(result.summary.cases).toBe(2);
    expect(result.directlyFollows).toHaveLength(4);
    const top = JSON.parse((await cello('mine', log, ...flags, '--json', '--top', '1')).stdout);
    expect(top.directlyFollows).toHaveLength(1);
    expect(top.summary.variants).toBe(2);
  });

  it('applies --lifecycle complete and --classifier name+lifecycle', async () => {
    const complete = JSON.parse((await cello('mine', log, ...flags, '--json', '--lifecycle', 'complete')).stdout);
    expect(complete.summary.events).toBe(5);
    const classified = JSON.parse(
      (await cello('mine', log, ...flags, '--json', '--classifier', 'name+lifecycle')).stdout,
    );
    expect(classified.activities.map((a: { activity: string }) => a.activity)).toContain('review+start');
  });

  it('exits 2 with a clear message for missing, unsupported or malformed files and bad flags', async () => {
    const missing = await cello('mine', path.join(dir, 'nope.xes'));
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/error: Cannot read the event log .*nope\.xes: it does not exist/);

    const unsupported = await cello('mine', file('log.json', '{}'));
    expect(unsupported.code).toBe(EXIT.failed);
    expect(unsupported.stderr).toMatch(/XES \(\.xes, \.xes\.gz\) or CSV/);

    const malformed = await cello('mine', file('bad.xes', '<log>\n<trace></event>\n</log>'));
    expect(malformed.code).toBe(EXIT.failed);
    expect(malformed.stderr).toMatch(/bad\.xes:2:\d+: .*not well-formed XML/);

    const noColumn = await cello('mine', log);
    expect(noColumn.code).toBe(EXIT.failed);
    expect(noColumn.stderr).toMatch(/no column "case:concept:name" for the case id/);

    const badTop = await cello('mine', log, ...flags, '--top', '0');
    expect(badTop.code).toBe(EXIT.failed);
    expect(badTop.stderr).toMatch(/--top "0" is not a positive whole number/);
  });
});

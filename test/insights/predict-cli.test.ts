/** `cello predict`: the prediction lines, the summary, and the refusals, on small hand-made logs. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, bufferedOutput, main } from '../../src/cli/index.js';
import type { PredictionSummary } from '../../src/insights/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-predict-'));
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

/** `count` loans: register, check, then approve (north) or reject (south, days later). */
function loansCsv(count: number): string {
  const rows = ['case:concept:name,concept:name,time:timestamp,org:resource,case:region'];
  for (let i = 0; i < count; i++) {
    const north = i % 3 !== 0;
    const day = new Date(Date.UTC(2024, 0, 1 + i, 9)).toISOString();
    const hour = (h: number) => new Date(Date.parse(day) + h * 3_600_000).toISOString();
    rows.push(`loan-${i},register,${day},ann,${north ? 'north' : 'south'}`);
    rows.push(`loan-${i},check,${hour(1)},bob,`);
    rows.push(`loan-${i},${north ? 'approve' : 'reject'},${hour(north ? 3 : 49)},cy,`);
  }
  return `${rows.join('\n')}\n`;
}

describe('cello predict', () => {
  const log = file('loans.csv', loansCsv(30));

  it('writes one JSON line per prefix of every later case, and a summary', async () => {
    const out = path.join(dir, 'predictions.jsonl');
    const { code, stdout } = await cello('predict', log, '--train-fraction', '0.67', '--out', out);
    expect(code).toBe(EXIT.ok);
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual({ case: 'loan-20', prefix: 1, next: 'check', remainingSeconds: expect.any(Number) });
    expect(lines.map((l) => `${l.case}#${l.prefix}`).slice(0, 4)).toEqual([
      'loan-20#1',
      'loan-20#2',
      'loan-21#1',
      'loan-21#2',
    ]);
    expect(stdout).toContain('Trained on 20 cases (40 prefixes');
    expect(stdout).toMatch(/Next activity: accuracy 100\.0%; best baseline 1-gram 85\.0% \(\+15\.00 points\)/);
    expect(stdout).toContain(`Predictions: ${out}`);
  });

  it('prints the summary as JSON with --json, and the lines on standard output without --out', async () => {
    const out = path.join(dir, 'json.jsonl');
    const json = await cello('predict', log, '--out', out, '--json');
    expect(json.code).toBe(EXIT.ok);
    const summary = JSON.parse(json.stdout) as PredictionSummary;
    expect(summary.schema).toBe('cello.prediction/1');
    expect(summary.split.trainFraction).toBe(0.67);
    expect(summary.nextActivity.baselines.map((b) => b.name)).toEqual([
      '1-gram',
      '2-gram',
      '3-gram',
      '4-gram',
      '5-gram',
    ]);
    expect(summary.remainingTime.maeSeconds).toBeLessThan(summary.remainingTime.bestBaseline.maeSeconds);

    const piped = await cello('predict', log);
    expect(piped.code).toBe(EXIT.ok);
    expect(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).case),
    ).toHaveLength(20);
    expect(piped.stderr).toContain('Next activity: accuracy');
  });

  it('refuses a log without timestamps, with one case or with fewer than 10 cases, exiting 2', async () => {
    const noTime = file(
      'no-time.xes',
      '<log>\n<trace><string key="concept:name" value="c1"/>\n<event><string key="concept:name" value="a"/></event>\n</trace>\n</log>',
    );
    const missing = await cello('predict', noTime);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/events without a timestamp \(event attribute "time:timestamp"\): 1/);

    const one = await cello('predict', file('one.csv', loansCsv(1)));
    expect(one.code).toBe(EXIT.failed);
    expect(one.stderr).toMatch(/one\.csv has only one case; .* at least 10 completed cases/);

    const few = await cello('predict', file('few.csv', loansCsv(7)));
    expect(few.code).toBe(EXIT.failed);
    expect(few.stderr).toMatch(/few\.csv has only 7 cases; .* at least 10 completed cases/);
  });

  it('names --train-fraction when it is not a share, or leaves nothing to train on', async () => {
    for (const bad of ['1', '0', 'abc', '-0.5']) {
      const result = await cello('predict', log, '--train-fraction', bad);
      expect(result.code).toBe(EXIT.failed);
      expect(result.stderr).toContain(`--train-fraction "${bad}" is not a share between 0 and 1`);
    }
    const tiny = await cello('predict', log, '--train-fraction', '0.01');
    expect(tiny.code).toBe(EXIT.failed);
    expect(tiny.stderr).toMatch(/A train fraction of 0\.01 leaves no case to train on among the 30 cases/);

    const json = await cello('predict', log, '--json');
    expect(json.code).toBe(EXIT.failed);
    expect(json.stderr).toMatch(/--json prints the summary on standard output.*--out <file>/);
  });
});

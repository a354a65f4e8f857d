import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventLogBuilder, mineLog, readXes } from '../mining/index.js';
import { writeXes, xesTimestamp, xmlAttribute } from './write-xes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-xes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(builder: EventLogBuilder) {
  const log = builder.build();
  let text = '';
  await writeXes(log, (chunk) => void (text += chunk), { name: 'test <log>' });
  const file = path.join(dir, `log-${Math.random().toString(36).slice(2)}.xes`);
  writeFileSync(file, text);
  return { log, text, back: await readXes(file) };
}

describe('writeXes', () => {
  it('writes a log that reads back to the same cases, order, resources and figures', async () => {
    const builder = new EventLogBuilder();
    builder.add('loan "2" & co', 'com.x.asked', Date.parse('2026-01-05T09:00:00Z'), 'intake');
    builder.add('loan-1', 'com.x.asked', Date.parse('2026-01-05T09:00:00Z'), 'intake');
    builder.add('loan-1', 'com.x.decided', Date.parse('2026-01-05T13:00:00Z'), 'credit');
    builder.add('loan-1', 'com.x.noted', Date.parse('2026-01-05T13:00:00Z'));
    builder.add('loan "2" & co', 'com.x.decided', Date.parse('2026-01-05T10:00:00.0015Z') + 0.5, 'credit');
    const { log, text, back } = await roundTrip(builder);
    expect(text).toContain('<string key="concept:name" value="loan &quot;2&quot; &amp; co"/>');
    expect(back.caseIds).toEqual(log.caseIds);
    expect([...back.timestamp]).toEqual([...log.timestamp]);
    const { log: _a, ...mined } = mineLog(log);
    const { log: _b, ...minedBack } = mineLog(back);
    expect(minedBack).toEqual(mined);
  });

  it('keeps lifecycle transitions and microseconds', async () => {
    const builder = new EventLogBuilder();
    builder.add('c', 'review', 1_000.25, 'bob', 'start');
    builder.add('c', 'review', 2_000, 'bob', 'complete');
    const { back } = await roundTrip(builder);
    expect(back.lifecycleNames).toEqual(['start', 'complete']);
    expect([...back.timestamp]).toEqual([1_000.25, 2_000]);
  });
});

describe('xesTimestamp and xmlAttribute', () => {
  it('writes UTC with milliseconds, adding microseconds only when present', () => {
    expect(xesTimestamp(Date.parse('2026-01-05T09:00:00.123Z'))).toBe('2026-01-05T09:00:00.123Z');
    expect(xesTimestamp(Date.parse('2026-01-05T09:00:00.123Z') + 0.456)).toBe('2026-01-05T09:00:00.123456Z');
  });

  it('escapes markup, keeps line breaks as references and drops characters XML cannot hold', () => {
    expect(xmlAttribute(`a<b>&"c'\n\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;');
  });
});

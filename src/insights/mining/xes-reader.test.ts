import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/index.js';
import { readXes } from './xes-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-xes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event">
    <string key="concept:name" value="UNKNOWN"/>
    <date key="time:timestamp" value="1970-01-01T00:00:00.000+01:00"/>
  </global>
  <classifier name="Activity classifier" keys="concept:name lifecycle:transition"/>
  <classifier name="Who" keys="'org:resource'"/>
  <string key="creator" value="test"/>
  <trace>
    <int key="concept:name" value="7"/>
    <event>
      <string key="concept:name" value="register"/>
      <date key="time:timestamp" value="2024-03-01T10:00:00.000+02:00"/>
      <string key="org:resource" value="ann"/>
      <string key="lifecycle:transition" value="complete"/>
      <list key="tags"><values><string key="concept:name" value="nested, ignored"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="check"/>
      <date key="time:timestamp" value="2024-03-01T08:30:00.250Z"/>
      <string key="org:resource" value="bob">
        <string key="concept:name" value="a nested attribute, ignored"/>
      </string>
      <string key="lifecycle:transition" value="start"/>
    </event>
  </trace>
  <trace>
    <event>
      <string key="concept:name" value="register"/>
      <date key="time:timestamp" value="2024-03-02T00:00:00"/>
      <boolean key="urgent" value="true"/>
      <float key="cost" value="1.5"/>
      <id key="ref" value="a1"/>
      <container key="box"><string key="concept:name" value="ignored"/></container>
    </event>
    <string key="concept:name" value="after-events"/>
  </trace>
</log>`;

describe('readXes', () => {
  it('reads trace and event attributes of every type, skipping nested ones, and converts offsets to UTC', async () => {
    const log = await readXes(file('small.xes', XES));
    expect(log.caseIds).toEqual(['7', 'after-events']);
    expect(log.eventCount).toBe(3);
    // 10:00+02:00 is 08:00Z, before 08:30:00.250Z.
    expect(Array.from(log.activity, (a) => log.activityNames[a])).toEqual(['register', 'check', 'register']);
    expect(Array.from(log.timestamp)).toEqual([
      Date.UTC(2024, 2, 1, 8),
      Date.UTC(2024, 2, 1, 8, 30, 0, 250),
      Date.UTC(2024, 2, 2),
    ]);
    expect(Array.from(log.resource, (r) => (r < 0 ? null : log.resourceNames[r]))).toEqual(['ann', 'bob', null]);
    expect(log.lifecycleNames).toEqual(['complete', 'start']);
  });

  it('keeps the other trace and event attributes as data columns when asked, never dates', async () => {
    const text = XES.replace(
      '<int key="concept:name" value="7"/>',
      '<int key="concept:name" value="7"/><string key="region" value="north"/><date key="closed" value="2024-03-09T00:00:00Z"/>',
    );
    expect((await readXes(file('plain.xes', text))).attributes).toEqual([]);
    const log = await readXes(file('data.xes', text), { attributes: true });
    expect(
      log.attributes!.map((a) => ({
        key: a.key,
        scope: a.scope,
        type: a.type,
        values: Array.from(a.codes, (c) => (c < 0 ? null : a.values[c])),
      })),
    ).toEqual([
      { key: 'region', scope: 'trace', type: 'string', values: ['north', null] },
      { key: 'urgent', scope: 'event', type: 'boolean', values: [null, null, 'true'] },
      { key: 'cost', scope: 'event', type: 'float', values: [null, null, '1.5'] },
      { key: 'ref', scope: 'event', type: 'id', values: [null, null, 'a1'] },
    ]);
  });

  it('records extensions, globals and classifiers', async () => {
    const log = await readXes(file('meta.xes', XES));
    expect(log.source.extensions).toEqual([
      { name: 'Concept', prefix: 'concept', uri: 'http://www.xes-standard.org/concept.xesext' },
    ]);
    expect(log.source.classifiers).toEqual([
      { name: 'Activity classifier', keys: ['concept:name', 'lifecycle:transition'] },
      { name: 'Who', keys: ['org:resource'] },
    ]);
    expect(log.source.globals.map((g) => `${g.scope}:${g.type}:${g.key}`)).toEqual([
      'event:string:concept:name',
      'event:date:time:timestamp',
    ]);
  });

  it('reads gzip-compressed XES', async () => {
    const log = await readXes(file('small.xes.gz', gzipSync(XES)));
    expect(log.eventCount).toBe(3);
  });

  it('builds activities from a classifier the log declares, by name', async () => {
    const log = await readXes(file('classified.xes', XES), { classifier: 'activity CLASSIFIER' });
    expect(log.activityNames).toEqual(['register+complete', 'check+start', 'register']);
    expect(log.source.activityKey).toBe('activity CLASSIFIER');
    await expect(readXes(file('who.xes', XES), { classifier: 'Who' })).rejects.toThrow(
      /events without an activity \(classifier "Who": org:resource\): 1 \(the first at line 3\d\)/,
    );
    await expect(readXes(file('unknown.xes', XES), { classifier: 'Colour' })).rejects.toThrow(
      /declares no classifier named "Colour" \(declared: "Activity classifier", "Who"\)/,
    );
  });

  it('merges traces that repeat a case id, with a warning', async () => {
    const text = XES.replace('value="after-events"', 'value="7"');
    const log = await readXes(file('merged.xes', text));
    expect(log.caseIds).toEqual(['7']);
    expect(log.source.warnings).toEqual([
      '1 trace repeats the case id of an earlier trace; their events were merged into that case.',
    ]);
  });

  it('refuses a log without case ids or timestamps, saying what is missing and where', async () => {
    const text =
      '<log>\n<trace>\n<event><string key="concept:name" value="a"/></event>\n<event><string key="concept:name" value="b"/></event>\n</trace>\n</log>';
    const error = await readXes(file('bare.xes', text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /traces without a case id \(trace attribute "concept:name"\): 1 \(the first at line 2\)/,
    );
    expect((error as Error).message).toMatch(
      /events without a timestamp \(event attribute "time:timestamp"\): 2 \(the first at line 3\)/,
    );
  });

  // A 2 MB gzip holding one gigabyte-long attribute ended in "Invalid string length" after filling the memory.
  it('refuses an attribute too long to be a value, before holding it in memory', async () => {
    const huge = `<log><trace><string key="concept:name" value="${'a'.repeat(17 * 1024 * 1024)}"/></trace></log>`;
    const error = await readXes(file('huge.xes.gz', gzipSync(huge))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /huge\.xes\.gz:1:\d+: what follows here runs for more than 16 MiB without closing a tag/,
    );
  });

  it('refuses malformed XML with file:line:col', async () => {
    const target = file('broken.xes', '<log>\n  <trace>\n    <event></trace>\n</log>');
    await expect(readXes(target)).rejects.toThrow(
      new RegExp(`${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: .*not well-formed XML`),
    );
  });

  it('refuses a timestamp that is not a date, and a file that is not XES', async () => {
    await expect(readXes(file('bad-date.xes', XES.replace('2024-03-02T00:00:00', 'next tuesday')))).rejects.toThrow(
      /bad-date\.xes:\d+:\d+: the timestamp "next tuesday" \(attribute "time:timestamp"\) is not a date/,
    );
    await expect(readXes(file('page.xes', '<html><body/></html>'))).rejects.toThrow(
      /root element is <html>, not <log>/,
    );
    await expect(readXes(file('empty.xes', ''))).rejects.toThrow(/empty\.xes is empty/);
    await expect(readXes(path.join(dir, 'missing.xes'))).rejects.toThrow(
      /Cannot read the event log .*missing\.xes: it does not exist/,
    );
  });
});

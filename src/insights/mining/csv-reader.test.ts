import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

const CSV = [
  '\uFEFFcase:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition,note',
  'c1,"Check, then decide",2024-03-01 10:00:00+02:00,ann,complete,"said ""ok""\nand left"',
  'c2,Register,2024-03-01T07:00:00Z,,COMPLETE,',
  '',
  'c1,Register,2024-03-01 07:59:59.5,bob,start,',
].join('\r\n');

describe('readCsv', () => {
  it('keeps the other columns as data when asked: a case: column is the trace attribute', async () => {
    const text = [
      'case:concept:name,concept:name,time:timestamp,case:channel,amount',
      'c1,b,2024-03-01T10:00:00Z,web,',
      'c1,a,2024-03-01T09:00:00Z,phone,20',
      'c2,a,2024-03-01T11:00:00Z,,5',
    ].join('\n');
    expect((await readCsv(file('plain-data.csv', text))).attributes).toEqual([]);
    const log = await readCsv(file('data.csv', text), { attributes: true });
    const values = (key: string) => {
      const column = log.attributes!.find((a) => a.key === key)!;
      return { scope: column.scope, values: Array.from(column.codes, (c) => (c < 0 ? null : column.values[c])) };
    };
    // The first value a case gets is kept; events follow the log's time order.
    expect(values('channel')).toEqual({ scope: 'trace', values: ['web', null] });
    expect(values('amount')).toEqual({ scope: 'event', values: ['20', null, '5'] });
  });

  it('reads RFC 4180 rows into cases sorted by time, with offsets converted to UTC', async () => {
    const log = await readCsv(file('log.csv', CSV));
    expect(log.source.format).toBe('csv');
    expect(log.caseIds).toEqual(['c1', 'c2']);
    expect(Array.from(log.activity, (a) => log.activityNames[a])).toEqual([
      'Register',
      'Check, then decide',
      'Register',
    ]);
    expect(Array.from(log.timestamp)).toEqual([
      Date.UTC(2024, 2, 1, 7, 59, 59, 500),
      Date.UTC(2024, 2, 1, 8),
      Date.UTC(2024, 2, 1, 7),
    ]);
    expect(Array.from(log.resource, (r) => (r < 0 ? null : log.resourceNames[r]))).toEqual(['bob', 'ann', null]);
    expect(log.lifecycleNames).toEqual(['complete', 'COMPLETE', 'start']);
  });

  it('takes other column names and delimiters', async () => {
    const text = 'ticket;step;at\nT-1;open;2024-01-01 09:00\nT-1;close;2024-01-01 10:00\n';
    const log = await readCsv(file('semi.csv', text), {
      case: 'ticket',
      activity: 'step',
      timestamp: 'at',
      delimiter: ';',
    });
    expect(log.caseIds).toEqual(['T-1']);
    expect(log.activityNames).toEqual(['open', 'close']);
  });

  it('names a missing column, lists the columns there are and the flag to use', async () => {
    await expect(readCsv(file('nocase.csv', 'id,concept:name,time:timestamp\n1,a,2024-01-01\n'))).rejects.toThrow(
      /has no column "case:concept:name" for the case id; its columns are "id", "concept:name", "time:timestamp"\. Name the right one with --case <column>\./,
    );
  });

  it('refuses rows without a timestamp, and a timestamp that is not a date, with the line', async () => {
    const gaps = 'case:concept:name,concept:name,time:timestamp\nc,a,\nc,b,\n';
    await expect(readCsv(file('gaps.csv', gaps))).rejects.toThrow(
      /rows without a timestamp \(column "time:timestamp"\): 2 \(the first at line 2\)/,
    );
    const bad = 'case:concept:name,concept:name,time:timestamp\nc,a,2024-01-01\nc,b,13/01/2024\n';
    await expect(readCsv(file('bad.csv', bad))).rejects.toThrow(
      /bad\.csv:3: the timestamp "13\/01\/2024" \(column "time:timestamp"\) is not a date/,
    );
  });

  it('refuses a row with more fields than the header, naming its line', async () => {
    const text =
      'case:concept:name,concept:name,time:timestamp\nc1,Register,2024-03-01T07:00:00Z\nc1,Check, then decide,2024-03-01T08:00:00Z\n';
    await expect(readCsv(file('extra.csv', text))).rejects.toThrow(
      /extra\.csv:3: this row has 4 fields but the header has 3; a value that contains the delimiter "," must be quoted/,
    );
  });

  it('refuses a field too long to be a value, naming the line it starts on', async () => {
    const text = `case:concept:name,concept:name,time:timestamp\nc1,"${'a'.repeat(17 * 1024 * 1024)}`;
    await expect(readCsv(file('long.csv', text))).rejects.toThrow(
      /long\.csv:2: a field starting on this line is longer than 16 MiB/,
    );
  });
});

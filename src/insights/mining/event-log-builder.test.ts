import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/index.js';
import { EventLogBuilder, buildEventLog } from './event-log-builder.js';

describe('EventLogBuilder', () => {
  it('sorts by case (in order of first appearance), then time, and keeps input order for equal times', () => {
    const builder = new EventLogBuilder();
    builder.add('b', 'late', 300);
    builder.add('a', 'second', 100);
    builder.add('b', 'early', 100);
    builder.add('a', 'first', 50);
    builder.add('a', 'third-tied', 100);
    const log = builder.build();
    expect(log.caseIds).toEqual(['b', 'a']);
    expect(Array.from(log.activity, (i) => log.activityNames[i])).toEqual([
      'early',
      'late',
      'first',
      'second',
      'third-tied',
    ]);
    expect(Array.from(log.position)).toEqual([2, 0, 3, 1, 4]);
    expect(Array.from(log.caseOffsets)).toEqual([0, 2, 5]);
  });

  it('keeps data attributes beside the events they belong to, through the sort', () => {
    const builder = new EventLogBuilder();
    builder.add('a', 'late', 200);
    builder.setEventAttribute('cost', 'int', '7');
    builder.setCaseAttribute('region', 'string', 'north');
    builder.add('a', 'early', 100);
    builder.setCaseAttribute('region', 'string', 'south');
    builder.add('b', 'only', 50);
    builder.setEventAttribute('cost', 'int', '3');
    const log = builder.build();
    const [region, cost] = log.attributes!;
    expect(Array.from(region!.codes, (c) => region!.values[c] ?? null)).toEqual(['north', null]);
    expect(Array.from(cost!.codes, (c) => cost!.values[c] ?? null)).toEqual([null, '7', '3']);
  });

  it('grows past its initial capacity without losing events', () => {
    const builder = new EventLogBuilder();
    for (let i = 0; i < 5000; i++) builder.add(`c${i % 7}`, `a${i % 3}`, 5000 - i, i % 2 ? 'r' : undefined);
    const log = builder.build();
    expect(log.eventCount).toBe(5000);
    expect(log.caseIds).toHaveLength(7);
    for (let c = 0; c < 7; c++) {
      for (let e = log.caseOffsets[c]! + 1; e < log.caseOffsets[c + 1]!; e++)
        expect(log.timestamp[e]).toBeGreaterThanOrEqual(log.timestamp[e - 1]!);
    }
    expect(Array.from(log.resource).filter((r) => r < 0)).toHaveLength(2500);
  });

  it('builds from an async stream of records with ISO, Date or epoch timestamps', async () => {
    async function* records() {
      yield { caseId: 'x', activity: 'open', timestamp: '2024-05-01T10:00:00+02:00', resource: 'ann' };
      yield { caseId: 'x', activity: 'close', timestamp: new Date(Date.UTC(2024, 4, 1, 9)), lifecycle: 'complete' };
      yield { caseId: 'y', activity: 'open', timestamp: Date.UTC(2024, 4, 2) };
    }
    const log = await buildEventLog(records());
    expect(log.source.format).toBe('events');
    expect(Array.from(log.timestamp)).toEqual([Date.UTC(2024, 4, 1, 8), Date.UTC(2024, 4, 1, 9), Date.UTC(2024, 4, 2)]);
    expect(log.resourceNames).toEqual(['ann']);
    expect(log.lifecycleNames).toEqual(['complete']);
  });

  it('refuses a record without a case id or with a timestamp that is not a date', () => {
    const builder = new EventLogBuilder();
    expect(() => builder.addEvent({ caseId: '', activity: 'a', timestamp: 0 })).toThrow(InputError);
    expect(() => builder.addEvent({ caseId: 'c', activity: 'a', timestamp: 'soon' })).toThrow(
      /timestamp "soon", which is not a date/,
    );
  });
});

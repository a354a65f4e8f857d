import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.js';
import { mineLog } from './mine-log.js';

const MIN = 60_000;

/**
 * Five cases, times in minutes:
 *   c1: A(0,r1) B(10,r2) C(30,r2)        c2: A(0,r1) B(20,r1) B(25,r3) C(45,r2)
 *   c3: A(0,r1) C(60,r2)                 c4: A(100,r1) B(140,r2) C(150,r2)       c5: A(0,r1) B(30,r2)
 */
function fixture() {
  const builder = new EventLogBuilder();
  const add = (c: string, a: string, minutes: number, r: string) => builder.add(c, a, minutes * MIN, r);
  add('c1', 'A', 0, 'r1');
  add('c1', 'B', 10, 'r2');
  add('c1', 'C', 30, 'r2');
  add('c2', 'A', 0, 'r1');
  add('c2', 'B', 20, 'r1');
  add('c2', 'B', 25, 'r3');
  add('c2', 'C', 45, 'r2');
  add('c3', 'C', 60, 'r2'); // added before its A: sorting puts it last
  add('c3', 'A', 0, 'r1');
  add('c4', 'A', 100, 'r1');
  add('c4', 'B', 140, 'r2');
  add('c4', 'C', 150, 'r2');
  add('c5', 'A', 0, 'r1');
  add('c5', 'B', 30, 'r2');
  return builder.build();
}

describe('mineLog', () => {
  const result = mineLog(fixture());

  it('counts cases, events, activities, variants and resources', () => {
    expect(result.summary).toEqual({
      cases: 5,
      events: 14,
      activities: 3,
      variants: 4,
      resources: 3,
      firstEventAt: '1970-01-01T00:00:00.000Z',
      lastEventAt: '1970-01-01T02:30:00.000Z',
    });
    expect(result.activities).toEqual([
      { activity: 'A', events: 5, cases: 5 },
      { activity: 'B', events: 5, cases: 4 },
      { activity: 'C', events: 4, cases: 4 },
    ]);
  });

  it('ranks variants by count, ties by first occurrence', () => {
    expect(result.variants.map((v) => [v.activities.join(''), v.count, v.share])).toEqual([
      ['ABC', 2, 0.4],
      ['ABBC', 1, 0.2],
      ['AC', 1, 0.2],
      ['AB', 1, 0.2],
    ]);
  });

  it('counts start and end activities', () => {
    expect(result.startActivities).toEqual([{ activity: 'A', count: 5 }]);
    expect(result.endActivities).toEqual([
      { activity: 'C', count: 4 },
      { activity: 'B', count: 1 },
    ]);
  });

  it('measures each directly-follows edge, with the even-count median as the mean of the middle two', () => {
    const edges = Object.fromEntries(result.directlyFollows.map((e) => [`${e.from}>${e.to}`, e]));
    expect(result.directlyFollows.map((e) => `${e.from}>${e.to}:${e.frequency}`)).toEqual([
      'A>B:4',
      'B>C:3',
      'A>C:1',
      'B>B:1',
    ]);
    // A>B waits 10, 20, 40 and 30 minutes.
    expect(edges['A>B']!.performance).toEqual({
      meanMs: 25 * MIN,
      medianMs: 25 * MIN,
      minMs: 10 * MIN,
      maxMs: 40 * MIN,
    });
    // B>C waits 20, 20 and 10 minutes: a mean of 16⅔ minutes = 1,000,000 ms.
    expect(edges['B>C']!.performance).toEqual({
      meanMs: 1_000_000,
      medianMs: 20 * MIN,
      minMs: 10 * MIN,
      maxMs: 20 * MIN,
    });
  });

  it('summarizes case durations with a linearly interpolated p90', () => {
    // Durations 30, 45, 60, 50, 30 minutes; p90 rank 3.6 → 50 + 0.6 · 10.
    expect(result.caseDurations).toEqual({
      count: 5,
      meanMs: 43 * MIN,
      medianMs: 45 * MIN,
      minMs: 30 * MIN,
      maxMs: 60 * MIN,
      p90Ms: 56 * MIN,
    });
  });

  it('finds rework and handovers of work', () => {
    expect(result.rework).toEqual({ cases: 1, share: 0.2, activities: [{ activity: 'B', cases: 1, share: 0.2 }] });
    expect(result.handovers).toEqual([
      { from: 'r1', to: 'r2', count: 4 },
      { from: 'r1', to: 'r3', count: 1 },
      { from: 'r3', to: 'r2', count: 1 },
    ]);
  });

  it('ranks bottlenecks by median × frequency, ties by the higher median', () => {
    expect(result.bottlenecks.map((b) => [`${b.from}>${b.to}`, b.weightedWaitMs / MIN])).toEqual([
      ['A>B', 100],
      ['A>C', 60],
      ['B>C', 60],
      ['B>B', 5],
    ]);
  });
});

describe('mineLog lifecycle views', () => {
  const builder = new EventLogBuilder();
  builder.add('x', 'A', 0, 'ann', 'start');
  builder.add('x', 'A', 5, 'ann', 'COMPLETE');
  builder.add('x', 'B', 10, 'bob', 'start');
  builder.add('x', 'B', 20, 'bob', 'complete');
  builder.add('y', 'A', 0, 'ann', 'start');
  builder.add('y', 'B', 1, 'ann');
  const log = builder.build();

  it('keeps complete events only (case-insensitive); cases left empty disappear', () => {
    const result = mineLog(log, { lifecycle: 'complete' });
    expect(result.summary.cases).toBe(1);
    expect(result.summary.events).toBe(2);
    expect(result.variants[0]!.activities).toEqual(['A', 'B']);
  });

  it('classifies by name+lifecycle as PM4Py does', () => {
    const result = mineLog(log, { classifier: 'name+lifecycle' });
    expect(result.variants.map((v) => v.activities)).toEqual([
      ['A+start', 'A+COMPLETE', 'B+start', 'B+complete'],
      ['A+start', 'B'],
    ]);
  });

  it('refuses a complete-only view of a log without lifecycle transitions, and unknown options', () => {
    const plain = new EventLogBuilder();
    plain.add('x', 'A', 0);
    expect(() => mineLog(plain.build(), { lifecycle: 'complete' })).toThrow(/has no lifecycle transitions/);
    expect(() => mineLog(log, { classifier: 'colour' as 'name' })).toThrow(
      /classifier "colour" is unknown; use name or name\+lifecycle/,
    );
  });

  it('mines an empty log to zeros and nulls', () => {
    const result = mineLog(new EventLogBuilder().build());
    expect(result.summary).toMatchObject({ cases: 0, events: 0, variants: 0, firstEventAt: null });
    expect(result.caseDurations).toEqual({
      count: 0,
      meanMs: null,
      medianMs: null,
      minMs: null,
      maxMs: null,
      p90Ms: null,
    });
    expect(result.directlyFollows).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../mining/index.js';
import { NgramBaseline } from './ngram-baseline.js';
import { RemainingTimeBaseline } from './remaining-time-baseline.js';

const HOUR = 3_600_000;

// c1–c4 train; c5 and c6 are asked about. Times in hours.
function tinyLog() {
  const builder = new EventLogBuilder();
  const cases: [string, [string, number][]][] = [
    [
      'c1',
      [
        ['a', 0],
        ['b', 1],
        ['c', 3],
      ],
    ],
    [
      'c2',
      [
        ['a', 0],
        ['b', 2],
        ['d', 4],
      ],
    ],
    [
      'c3',
      [
        ['a', 0],
        ['b', 1],
        ['c', 2],
      ],
    ],
    [
      'c4',
      [
        ['a', 0],
        ['c', 5],
      ],
    ],
    [
      'c5',
      [
        ['a', 0],
        ['b', 1],
        ['x', 9],
      ],
    ],
    [
      'c6',
      [
        ['x', 0],
        ['a', 1],
        ['b', 2],
      ],
    ],
  ];
  for (const [id, events] of cases) for (const [activity, hour] of events) builder.add(id, activity, hour * HOUR);
  const log = builder.build();
  const name = (index: number) => (index < 0 ? null : log.activityNames[index]);
  return { log, train: Int32Array.from([0, 1, 2, 3]), name };
}

describe('NgramBaseline', () => {
  it('predicts the most frequent follower of the last n activities, backing off to shorter contexts', () => {
    const { log, train, name } = tinyLog();
    const ngram = NgramBaseline.fit(log, train);
    // After a: b three times, c once. After b: c twice, d once. After (a, b): c twice, d once.
    expect(name(ngram.predict(log, 4, 1, 1))).toBe('b');
    expect(name(ngram.predict(log, 4, 2, 1))).toBe('c');
    expect(name(ngram.predict(log, 4, 2, 2))).toBe('c');
    // x was never seen: back off to what follows anything, b and c three times each, and b was seen first.
    expect(name(ngram.predict(log, 5, 1, 5))).toBe('b');
    // (x, a) was never seen, a was: its follower.
    expect(name(ngram.predict(log, 5, 2, 2))).toBe('b');
  });
});

describe('RemainingTimeBaseline', () => {
  it('averages the remaining time after the last activity, and after (last activity, prefix length)', () => {
    const { log, train } = tinyLog();
    const means = RemainingTimeBaseline.fit(log, train);
    // After a (k = 1): 3, 4, 2 and 5 hours. After b (k = 2): 2, 2 and 1 hours.
    expect(means.afterActivity(log, 4, 1)).toBe(3.5 * HOUR);
    expect(means.afterActivity(log, 4, 2)).toBeCloseTo((5 / 3) * HOUR, 6);
    expect(means.afterActivityAndLength(log, 4, 2)).toBeCloseTo((5 / 3) * HOUR, 6);
    // (a, 2) was never seen: a's mean. x was never seen: the mean of all seven training prefixes.
    expect(means.afterActivityAndLength(log, 5, 2)).toBe(3.5 * HOUR);
    expect(means.afterActivity(log, 5, 1)).toBeCloseTo((19 / 7) * HOUR, 6);
  });
});

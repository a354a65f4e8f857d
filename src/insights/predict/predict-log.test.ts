import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/index.js';
import { EventLogBuilder, type ColumnarEventLog } from '../mining/index.js';
import { splitCasesByStart } from './case-split.js';
import { predictLog } from './predict-log.js';
import type { PredictionLine } from './prediction-summary.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Loans: register, check, then approve (north, two hours later) or reject (south, two days later). Two in
 * three are from the north, so history alone says "approve"; the region says which.
 */
function loans(count: number): ColumnarEventLog {
  const builder = new EventLogBuilder();
  for (let i = 0; i < count; i++) {
    const north = i % 3 !== 0;
    const start = Date.UTC(2024, 0, 1) + i * DAY;
    builder.add(`loan-${i}`, 'register', start, 'ann');
    builder.setCaseAttribute('region', 'string', north ? 'north' : 'south');
    builder.add(`loan-${i}`, 'check', start + HOUR, 'bob');
    builder.add(`loan-${i}`, north ? 'approve' : 'reject', start + (north ? 3 * HOUR : 2 * DAY + HOUR), 'cy');
  }
  return builder.build();
}

describe('splitCasesByStart', () => {
  it('trains on the earliest cases by first timestamp, ties in input order', () => {
    const builder = new EventLogBuilder();
    for (const [id, time] of [
      ['late', 30],
      ['early', 10],
      ['tie-1', 20],
      ['tie-2', 20],
    ] as const) {
      builder.add(id, 'a', time);
    }
    const log = builder.build();
    const split = splitCasesByStart(log, 0.5);
    expect(Array.from(split.train, (c) => log.caseIds[c])).toEqual(['early', 'tie-1']);
    expect(Array.from(split.test, (c) => log.caseIds[c])).toEqual(['tie-2', 'late']);
    expect(() => splitCasesByStart(log, 0.1)).toThrow(/A train fraction of 0.1 leaves no case to train on/);
    expect(() => splitCasesByStart(log, 1)).toThrow(InputError);
  });
});

describe('predictLog', () => {
  it('predicts every prefix of every later case and measures itself against the baselines', () => {
    const lines: PredictionLine[] = [];
    const summary = predictLog(loans(30), { trainFraction: 0.67 }, (line) => lines.push(line));
    // 20 cases train, 10 are predicted, each at k = 1 and 2.
    expect(summary.split).toEqual({
      trainFraction: 0.67,
      trainingCases: 20,
      testCases: 10,
      trainingPrefixes: 40,
      predictedPrefixes: 20,
    });
    expect(lines).toHaveLength(20);
    expect(lines.slice(0, 2).map(({ case: id, prefix }) => [id, prefix])).toEqual([
      ['loan-20', 1],
      ['loan-20', 2],
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['case', 'prefix', 'next', 'remainingSeconds']);
    // The region tells approve from reject and two hours from two days; the n-grams cannot see it.
    expect(lines.filter((l) => l.prefix === 2).map((l) => l.next)).toEqual(
      Array.from({ length: 10 }, (_, i) => ((20 + i) % 3 === 0 ? 'reject' : 'approve')),
    );
    expect(summary.nextActivity.accuracy).toBe(1);
    expect(summary.nextActivity.bestBaseline).toEqual({ name: '1-gram', accuracy: 0.85 });
    expect(summary.nextActivity.gainPoints).toBe(15);
    expect(summary.remainingTime.reduction).toBeGreaterThan(0.5);
    expect(summary.remainingTime.baselines.map((b) => b.name)).toEqual([
      'mean after last activity',
      'mean after (last activity, prefix length)',
    ]);
  });

  it('refuses a log with fewer than 10 cases, saying how many it has', () => {
    const refuse = (log: ColumnarEventLog) => () => predictLog(log, { trainFraction: 0.67 }, () => undefined);
    expect(refuse(loans(1))).toThrow(/has only one case; .* needs at least 10 completed cases/);
    expect(refuse(loans(9))).toThrow(/has only 9 cases; .* needs at least 10 completed cases/);
  });

  it('refuses a log whose cases have single events: there is no prefix to learn from', () => {
    const builder = new EventLogBuilder();
    for (let i = 0; i < 12; i++) builder.add(`c${i}`, 'only', i);
    expect(() => predictLog(builder.build(), { trainFraction: 0.67 }, () => undefined)).toThrow(
      /None of the 8 training cases has two or more events/,
    );
  });
});

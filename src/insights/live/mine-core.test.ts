import { describe, expect, it } from 'vitest';
import { EventLogBuilder, mineLog } from '../mining/index.js';
import { mineCore } from './mine-core.js';
import { selectCases } from './select-cases.js';

describe('mineCore', () => {
  const builder = new EventLogBuilder();
  const cases: [string, string, number][] = [
    ['a', 'asked', 0],
    ['b', 'asked', 5],
    ['a', 'checked', 10],
    ['b', 'decided', 20],
    ['a', 'checked', 30],
    ['c', 'asked', 31],
    ['a', 'decided', 40],
    ['c', 'decided', 41],
  ];
  for (const [id, activity, t] of cases) builder.add(id, activity, t);
  const log = builder.build();

  it('gives the same directly-follows graph, variants and durations as mineLog', () => {
    const full = mineLog(log);
    expect(mineCore(log)).toEqual({
      directlyFollows: full.directlyFollows,
      variants: full.variants,
      caseDurations: full.caseDurations,
    });
  });

  it('gives the same figures on a log cut to some of its cases', () => {
    const cut = selectCases(log, (id) => id !== 'b');
    const full = mineLog(cut);
    expect(mineCore(cut)).toEqual({
      directlyFollows: full.directlyFollows,
      variants: full.variants,
      caseDurations: full.caseDurations,
    });
    expect(full.variants.map((v) => v.count)).toEqual([1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { collapseArcs, defaultDetail } from './collapse-arcs.js';

const perf = { meanMs: 1, medianMs: 1, minMs: 1, maxMs: 1 };
const arc = (from: string, to: string, frequency: number) => ({ from, to, frequency, performance: perf });
const map = {
  activities: ['a', 'b', 'c', 'd', 'lone'].map((activity) => ({ activity, events: 1, cases: 1 })),
  startActivities: [{ activity: 'a', count: 10 }],
  endActivities: [{ activity: 'c', count: 10 }],
  directlyFollows: [arc('a', 'b', 10), arc('b', 'c', 9), arc('a', 'd', 8), arc('d', 'c', 1), arc('b', 'b', 3)],
};

describe('defaultDetail', () => {
  it('opens a small map whole and a big one at about 40 arcs', () => {
    expect(defaultDetail(30)).toBe(100);
    expect(defaultDetail(125)).toBe(32);
  });
});

describe('collapseArcs', () => {
  it('keeps the busiest share of the arcs and the activities they touch', () => {
    const collapsed = collapseArcs(map, 40);
    expect(collapsed.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['a>b', 'b>c']);
    expect([...collapsed.activities].sort()).toEqual(['a', 'b', 'c']);
    expect(collapsed).toMatchObject({ totalArcs: 5, totalActivities: 5 });
  });

  it('gives back a kept activity’s busiest way out rather than leave it an island', () => {
    // At 60%: a>b, b>c, a>d; d has no way out, and d>c joins two kept activities.
    const collapsed = collapseArcs(map, 60);
    expect(collapsed.arcs.map((a) => `${a.from}>${a.to}`)).toContain('d>c');
  });

  it('shows every activity at 100%, even one no arc touches', () => {
    expect(collapseArcs(map, 100).activities.has('lone')).toBe(true);
  });
});

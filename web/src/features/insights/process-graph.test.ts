import { describe, expect, it } from 'vitest';
import { END, START, buildProcessGraph, type GraphSource } from './process-graph.js';

const perf = (medianMs: number) => ({ meanMs: medianMs, medianMs, minMs: medianMs, maxMs: medianMs });
const map: GraphSource = {
  summary: { cases: 10 },
  activities: [
    { activity: 'requested', events: 10, cases: 10 },
    { activity: 'scored', events: 10, cases: 10 },
    { activity: 'decided', events: 10, cases: 10 },
  ],
  startActivities: [{ activity: 'requested', count: 10 }],
  endActivities: [{ activity: 'decided', count: 10 }],
  directlyFollows: [
    { from: 'requested', to: 'scored', frequency: 10, performance: perf(60_000) },
    { from: 'scored', to: 'decided', frequency: 8, performance: perf(3_600_000) },
    { from: 'requested', to: 'decided', frequency: 2, performance: perf(1_000) },
  ],
};

describe('buildProcessGraph', () => {
  it('reads left to right from start to end', () => {
    const { boxes } = buildProcessGraph(map, 'frequency');
    const x = (id: string) => boxes.find((b) => b.id === id)!.x;
    expect(x(START)).toBeLessThan(x('requested'));
    expect(x('requested')).toBeLessThan(x('scored'));
    expect(x('scored')).toBeLessThan(x('decided'));
    expect(x('decided')).toBeLessThan(x(END));
  });

  it('weighs arcs by frequency or by median time', () => {
    const byFrequency = buildProcessGraph(map, 'frequency').arcs.find((a) => a.from === 'scored')!;
    const byTime = buildProcessGraph(map, 'performance').arcs.find((a) => a.from === 'scored')!;
    expect(byFrequency.weight).toBeCloseTo(0.8);
    expect(byTime.weight).toBe(1);
  });

  it('keeps the busiest arcs and says how many it left out', () => {
    const { arcs, hiddenArcs } = buildProcessGraph(map, 'frequency', 2);
    expect(hiddenArcs).toBe(1);
    expect(arcs.some((a) => a.from === 'requested' && a.to === 'decided')).toBe(false);
  });
});

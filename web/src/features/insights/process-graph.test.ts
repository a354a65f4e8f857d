import { describe, expect, it } from 'vitest';
import { routeEntersBox } from '../../../../test/support/route-geometry.js';
import { labelSize } from '../../ui/graph/label-size.js';
import { ARC_LABEL_FONT, END, START, buildProcessGraph } from './process-graph.js';
import type { GraphSource } from './collapse-arcs.js';

const perf = (medianMs: number) => ({ meanMs: medianMs, medianMs, minMs: medianMs, maxMs: medianMs });
const map: GraphSource = {
  summary: { cases: 10, events: 30, activities: 3, variants: 2, resources: 0, firstEventAt: null, lastEventAt: null },
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
  it('reads top to bottom from start to end', () => {
    const { boxes } = buildProcessGraph(map, 'frequency');
    const y = (id: string) => boxes.find((b) => b.id === id)!.y;
    expect(y(START)).toBeLessThan(y('requested'));
    expect(y('requested')).toBeLessThan(y('scored'));
    expect(y('scored')).toBeLessThan(y('decided'));
    expect(y('decided')).toBeLessThan(y(END));
  });

  it('weighs arcs by frequency or by median time', () => {
    const byFrequency = buildProcessGraph(map, 'frequency').arcs.find((a) => a.from === 'scored')!;
    const byTime = buildProcessGraph(map, 'performance').arcs.find((a) => a.from === 'scored')!;
    expect(byFrequency.weight).toBeCloseTo(0.8);
    expect(byTime.weight).toBe(1);
  });

  it('keeps the busiest arcs and says how many it left out', () => {
    const { arcs, shownArcs, totalArcs } = buildProcessGraph(map, 'frequency', 67);
    expect(totalArcs - shownArcs).toBe(1);
    expect(arcs.some((a) => a.from === 'requested' && a.to === 'decided')).toBe(false);
  });
});

/** A seeded process of `size` activities: a main path, then arcs to nearby steps, back (rework) or to themselves. */
function bigProcess(size: number, extra: number): GraphSource {
  let state = 42;
  const next = (n: number) => (state = (state * 16807) % 2147483647) % n;
  const names = Array.from({ length: size }, (_, i) => `activity ${String(i).padStart(2, '0')} with a longer name`);
  const arcs = new Map<string, GraphSource['directlyFollows'][number]>();
  const add = (from: string, to: string, frequency: number) =>
    arcs.set(`${from}>${to}`, { from, to, frequency, performance: perf(60_000 * frequency) });
  names.slice(1).forEach((name, i) => add(names[i]!, name, 1000 - i));
  while (arcs.size < size - 1 + extra) {
    const from = next(size);
    const to = Math.min(size - 1, Math.max(0, from + next(13) - 6));
    add(names[from]!, names[to]!, 1 + next(300));
  }
  return {
    ...map,
    activities: names.map((activity) => ({ activity, events: 1000, cases: 1000 })),
    startActivities: [{ activity: names[0]!, count: 1000 }],
    endActivities: [
      { activity: names[size - 1]!, count: 990 },
      { activity: names[7]!, count: 10 },
    ],
    directlyFollows: [...arcs.values()],
  };
}

describe('buildProcessGraph on a big process', () => {
  const big = bigProcess(60, 140);
  const whole = buildProcessGraph(big, 'frequency', 100);

  it('routes every arc from its activity to the next, through no other activity', () => {
    const graph = whole;
    expect(graph.shownActivities).toBe(60);
    expect(graph.arcs.some((a) => a.from === a.to)).toBe(true);
    const boxes = new Map(graph.boxes.map((b) => [b.id, b]));
    for (const arc of graph.arcs) {
      for (const [id, box] of boxes) {
        if (id === arc.from || id === arc.to) continue;
        expect(routeEntersBox(arc.points, box), `${arc.id} crosses ${id}`).toBe(false);
      }
    }
  });

  it('keeps room for every label, self-loops’ too: none covers an activity', () => {
    const graph = whole;
    for (const arc of graph.arcs) {
      const { width, height } = labelSize(arc.label, ARC_LABEL_FONT);
      const label = { x: arc.labelAt!.x - width / 2, y: arc.labelAt!.y - height / 2, width, height };
      for (const box of graph.boxes) {
        const apart =
          label.x + label.width <= box.x ||
          box.x + box.width <= label.x ||
          label.y + label.height <= box.y ||
          box.y + box.height <= label.y;
        expect(apart, `the label of ${arc.id} covers ${box.id}`).toBe(true);
      }
    }
  });

  it('opens collapsed to the busiest arcs, and counts what it shows', () => {
    const graph = buildProcessGraph(big, 'frequency', 10);
    expect(graph.totalArcs).toBe(199);
    expect(graph.shownArcs).toBeGreaterThanOrEqual(20);
    expect(graph.shownArcs).toBeLessThan(50);
    expect(graph.shownActivities).toBeLessThan(60);
  });
});

import { layerOf } from '../../ui/org/org-layout.js';
import type { ProcessMap } from '../../../../src/model/http/index.js';

export const START = '▶ start';
export const END = '■ end';
export const ACTIVITY_WIDTH = 230;
export const ACTIVITY_HEIGHT = 58;

export type Measure = 'frequency' | 'performance';

export interface ActivityBox {
  id: string;
  label: string;
  events: number;
  owner: string | null;
  x: number;
  y: number;
}

export interface FlowArc {
  id: string;
  from: string;
  to: string;
  frequency: number;
  medianMs: number | null;
  /** 0..1 of the busiest (frequency) or slowest (performance) arc shown: drives width and colour. */
  weight: number;
}

/** What the graph is drawn from: the parts of the live process map it reads. */
export type GraphSource = Pick<ProcessMap, 'activities' | 'startActivities' | 'endActivities' | 'directlyFollows'> & {
  summary: Pick<ProcessMap['summary'], 'cases'>;
  activityOwners?: ProcessMap['activityOwners'];
};

/**
 * A drawable directly-follows graph: the busiest `maxArcs` arcs (plus start and end), activities in columns
 * by how far they are from the start, so the map reads left to right however big the log was.
 */
export function buildProcessGraph(
  map: GraphSource,
  measure: Measure,
  maxArcs = 60,
): { boxes: ActivityBox[]; arcs: FlowArc[]; hiddenArcs: number } {
  const arcs = [...map.directlyFollows].sort((a, b) => b.frequency - a.frequency);
  const shown = arcs.slice(0, maxArcs);
  const keep = new Set(shown.flatMap((a) => [a.from, a.to]));
  const starts = map.startActivities.filter((s) => keep.has(s.activity) || shown.length === 0);
  const ends = map.endActivities.filter((e) => keep.has(e.activity) || shown.length === 0);
  for (const s of starts) keep.add(s.activity);
  for (const e of ends) keep.add(e.activity);

  const all: { from: string; to: string; frequency: number; medianMs: number | null }[] = [
    ...starts.map((s) => ({ from: START, to: s.activity, frequency: s.count, medianMs: null })),
    ...shown.map((a) => ({ from: a.from, to: a.to, frequency: a.frequency, medianMs: a.performance.medianMs })),
    ...ends.map((e) => ({ from: e.activity, to: END, frequency: e.count, medianMs: null })),
  ];
  const busiest = Math.max(1, ...all.map((a) => a.frequency));
  const slowest = Math.max(1, ...all.map((a) => a.medianMs ?? 0));

  const names = [START, ...[...keep].sort(), END];
  const layer = layerOf(
    names,
    all.filter((a) => a.from !== a.to).map((a) => [a.from, a.to] as const),
  );
  layer.set(END, Math.max(...[...layer.values()]) + 1);
  const events = new Map(map.activities.map((a) => [a.activity, a.events]));
  const owners = new Map((map.activityOwners ?? []).map((o) => [o.activity, o.cell]));
  const rows = new Map<number, number>();
  const boxes: ActivityBox[] = names.map((name) => {
    const column = layer.get(name) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return {
      id: name,
      label: name,
      events: name === START || name === END ? map.summary.cases : (events.get(name) ?? 0),
      owner: owners.get(name) ?? null,
      x: column * (ACTIVITY_WIDTH + 90),
      y: row * (ACTIVITY_HEIGHT + 46),
    };
  });
  return {
    boxes,
    arcs: all.map((a) => ({
      id: `${a.from}→${a.to}`,
      ...a,
      weight: measure === 'frequency' ? a.frequency / busiest : (a.medianMs ?? 0) / slowest,
    })),
    hiddenArcs: arcs.length - shown.length,
  };
}

import { formatCount, formatDuration } from '../../ui/format/format-time.js';
import { labelSize } from '../../ui/graph/label-size.js';
import { layoutLayered, type LayeredEdge, type Point } from '../../ui/graph/layered-layout.js';
import { collapseArcs, type GraphSource } from './collapse-arcs.js';

export const START = '▶ start';
export const END = '■ end';
export const ACTIVITY_WIDTH = 240;
export const ACTIVITY_HEIGHT = 68;
const TERMINAL_WIDTH = 150;
const TERMINAL_HEIGHT = 46;
/** The font size of arc labels (px): the layout keeps room for them. */
export const ARC_LABEL_FONT = 13;

export type Measure = 'frequency' | 'performance';

export interface ActivityBox {
  id: string;
  label: string;
  events: number;
  owner: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FlowArc {
  id: string;
  from: string;
  to: string;
  frequency: number;
  medianMs: number | null;
  /** 0..1 of the busiest (frequency) or slowest (performance) arc shown: drives width and colour. */
  weight: number;
  /** What the arc says: how often, or how long the median wait. Empty when there is nothing to say. */
  label: string;
  /** The route from activity to activity, around every other one. */
  points: Point[];
  labelAt: Point | undefined;
}

export interface ProcessGraph {
  boxes: ActivityBox[];
  arcs: FlowArc[];
  width: number;
  height: number;
  shownArcs: number;
  totalArcs: number;
  shownActivities: number;
  totalActivities: number;
}

/**
 * A drawable directly-follows graph, top to bottom from start to end: the `percent` busiest arcs (see
 * {@link collapseArcs}) between the activities they touch, laid out in ranks with room for each arc's label
 * and routed around the activities.
 */
export function buildProcessGraph(map: GraphSource, measure: Measure, percent = 100): ProcessGraph {
  const collapsed = collapseArcs(map, percent);
  const keep = collapsed.activities;
  const all: { from: string; to: string; frequency: number; medianMs: number | null }[] = [
    ...map.startActivities
      .filter((s) => keep.has(s.activity))
      .map((s) => ({ from: START, to: s.activity, frequency: s.count, medianMs: null })),
    ...collapsed.arcs.map((a) => ({
      from: a.from,
      to: a.to,
      frequency: a.frequency,
      medianMs: a.performance.medianMs,
    })),
    ...map.endActivities
      .filter((e) => keep.has(e.activity))
      .map((e) => ({ from: e.activity, to: END, frequency: e.count, medianMs: null })),
  ];
  const busiest = Math.max(1, ...all.map((a) => a.frequency));
  const slowest = Math.max(1, ...all.map((a) => a.medianMs ?? 0));
  const arcs = all.map((a) => {
    const label =
      measure === 'frequency' ? formatCount(a.frequency) : a.medianMs === null ? '' : formatDuration(a.medianMs);
    return {
      id: `${a.from}→${a.to}`,
      ...a,
      weight: measure === 'frequency' ? a.frequency / busiest : (a.medianMs ?? 0) / slowest,
      label,
    };
  });

  const names = [START, ...[...keep].sort(), END];
  const terminal = (name: string) => name === START || name === END;
  const layout = layoutLayered(
    names.map((id) => ({
      id,
      width: terminal(id) ? TERMINAL_WIDTH : ACTIVITY_WIDTH,
      height: terminal(id) ? TERMINAL_HEIGHT : ACTIVITY_HEIGHT,
    })),
    arcs.map((a): LayeredEdge => ({
      id: a.id,
      from: a.from,
      to: a.to,
      // Busy arcs pull their activities into line, so the main path reads straight down.
      weight: 1 + Math.round((a.frequency / busiest) * 8),
      ...(a.label ? { label: labelSize(a.label, ARC_LABEL_FONT) } : {}),
    })),
    { nodeGap: 40, rankGap: 44, edgeGap: 14 },
  );

  const events = new Map(map.activities.map((a) => [a.activity, a.events]));
  const owners = new Map((map.activityOwners ?? []).map((o) => [o.activity, o.cell]));
  const boxes: ActivityBox[] = names.map((name) => ({
    id: name,
    label: name,
    events: terminal(name) ? map.summary.cases : (events.get(name) ?? 0),
    owner: owners.get(name) ?? null,
    ...layout.nodes.get(name)!,
  }));
  return {
    boxes,
    arcs: arcs.map((a) => {
      const routed = layout.edges.get(a.id)!;
      return { ...a, points: routed.points, labelAt: routed.label };
    }),
    width: layout.width,
    height: layout.height,
    shownArcs: collapsed.arcs.length,
    totalArcs: collapsed.totalArcs,
    shownActivities: keep.size,
    totalActivities: collapsed.totalActivities,
  };
}

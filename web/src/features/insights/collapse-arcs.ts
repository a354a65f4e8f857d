import type { ProcessMap } from '../../../../src/model/http/index.js';

/** About this many arcs still read as a map at a readable zoom; a bigger process opens collapsed to them. */
export const READABLE_ARCS = 40;

export type Arc = ProcessMap['directlyFollows'][number];

/** The parts of a process map its arcs are collapsed from. */
export type ArcSource = Pick<ProcessMap, 'directlyFollows' | 'activities' | 'startActivities' | 'endActivities'>;

/** The parts of a process map the graph is drawn from. */
export type GraphSource = ArcSource & Pick<ProcessMap, 'summary'> & Partial<Pick<ProcessMap, 'activityOwners'>>;

export interface CollapsedArcs {
  /** The arcs kept, busiest first. */
  arcs: Arc[];
  /** The activities still on the map: those a kept arc touches. */
  activities: Set<string>;
  totalArcs: number;
  totalActivities: number;
}

/** The most arcs a map asks the server for and draws: laying out more takes seconds, and nobody reads them. */
export const MAX_DRAWN_ARCS = 200;

/** The detail a map opens at: every arc of a small process, about {@link READABLE_ARCS} of a big one. */
export function defaultDetail(totalArcs: number): number {
  return totalArcs <= READABLE_ARCS ? 100 : Math.max(1, Math.floor((READABLE_ARCS / totalArcs) * 100));
}

/**
 * Collapses the rarest arcs, as Disco's paths slider does: `percent` of the arcs are kept, busiest first, and an
 * activity no kept arc touches collapses with them (at 100% every activity shows, even one that no arc touches).
 * A kept activity left without a way in (or out) gets back its busiest arc from (or to) another kept activity,
 * so the map does not fall apart into islands.
 */
export function collapseArcs(map: ArcSource, percent: number): CollapsedArcs {
  const all = [...map.directlyFollows].sort((a, b) => b.frequency - a.frequency || compare(a, b));
  const count = Math.min(all.length, Math.max(1, Math.round((Math.min(100, Math.max(0, percent)) / 100) * all.length)));
  const kept = new Set(all.slice(0, count));
  const activities = new Set(
    percent >= 100 ? map.activities.map((a) => a.activity) : [...kept].flatMap((a) => [a.from, a.to]),
  );
  for (const arc of kept) activities.add(arc.from).add(arc.to);
  // Cases start and end at these: the map's start and end already lead in and out.
  const starts = new Set(map.startActivities.map((s) => s.activity));
  const ends = new Set(map.endActivities.map((e) => e.activity));
  const linked = (activity: string, end: 'from' | 'to') =>
    (end === 'to' ? starts : ends).has(activity) || [...kept].some((a) => a[end] === activity && a.from !== a.to);
  for (const activity of activities) {
    for (const [end, other] of [
      ['to', 'from'],
      ['from', 'to'],
    ] as const) {
      if (linked(activity, end)) continue;
      const busiest = all.find((a) => a[end] === activity && a.from !== a.to && activities.has(a[other]));
      if (busiest) kept.add(busiest);
    }
  }
  return {
    arcs: all.filter((a) => kept.has(a)),
    activities,
    totalArcs: all.length,
    totalActivities: Math.max(map.activities.length, new Set(all.flatMap((a) => [a.from, a.to])).size),
  };
}

function compare(a: Arc, b: Arc): number {
  return a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
}

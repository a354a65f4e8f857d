import { compareText } from '../mining/compare-text.js';
import { mineLog, type ColumnarEventLog, type MiningResult } from '../mining/index.js';
import type { LiveLog } from './read-live-log.js';

/** Who answers for an activity (an event type): the cell that offers it, else the cell that publishes most of it. */
export interface ActivityOwner {
  activity: string;
  cell: string | null;
  /** `offer`: the cell offers the type; `publisher`: it published most of these events; `none`: nobody known. */
  basis: 'offer' | 'publisher' | 'none';
}

/** The live process map: the mining figures of the live log, what was read, and who owns each activity. */
export interface ProcessMap extends Omit<MiningResult, 'schema'> {
  schema: 'cello.process-map/1';
  /** The filters applied, as given (times as ISO 8601 UTC). */
  query: {
    types: string[] | null;
    from: string | null;
    to: string | null;
    workflow: string | null;
    template: string | null;
    resource: string;
  };
  /** How events were grouped into cases. */
  caseNotion: string;
  /** Events read from the store, and how many of them had no case id. */
  scanned: number;
  withoutCase: number;
  activityOwners: ActivityOwner[];
}

/** Mines a live log into a process map; `ownerOfType` names the cell that offers an event type. */
export function buildProcessMap(
  live: LiveLog,
  context: { caseNotion: string; ownerOfType(type: string): string | undefined; query: ProcessMap['query'] },
): ProcessMap {
  const { schema: _schema, ...mined } = mineLog(live.log);
  const present = new Set(mined.activities.map((a) => a.activity));
  return {
    schema: 'cello.process-map/1',
    query: context.query,
    caseNotion: context.caseNotion,
    scanned: live.scanned,
    withoutCase: live.withoutCase,
    ...mined,
    activityOwners: activityOwners(live.log, context.ownerOfType).filter((o) => present.has(o.activity)),
  };
}

/** Per activity: the offering cell, else the resource behind most of its events. */
export function activityOwners(
  log: ColumnarEventLog,
  ownerOfType: (type: string) => string | undefined,
): ActivityOwner[] {
  const r = log.resourceNames.length;
  const counts = new Map<number, Int32Array>();
  for (let i = 0; i < log.eventCount; i++) {
    const resource = log.resource[i]!;
    if (resource < 0) continue;
    const a = log.activity[i]!;
    let row = counts.get(a);
    if (!row) counts.set(a, (row = new Int32Array(r)));
    row[resource]!++;
  }
  return log.activityNames
    .map((activity, a): ActivityOwner => {
      const offered = ownerOfType(activity);
      if (offered) return { activity, cell: offered, basis: 'offer' };
      const row = counts.get(a);
      if (!row) return { activity, cell: null, basis: 'none' };
      let best = -1;
      for (let k = 0; k < r; k++) if (row[k]! > 0 && (best < 0 || row[k]! > row[best]!)) best = k;
      return best < 0
        ? { activity, cell: null, basis: 'none' }
        : { activity, cell: log.resourceNames[best]!, basis: 'publisher' };
    })
    .sort((x, y) => compareText(x.activity, y.activity));
}

/** Cuts every list of a process map to `top` entries (the summary keeps the full counts). */
export function limitProcessMap(map: ProcessMap, top: number): ProcessMap {
  return {
    ...map,
    activities: map.activities.slice(0, top),
    startActivities: map.startActivities.slice(0, top),
    endActivities: map.endActivities.slice(0, top),
    variants: map.variants.slice(0, top),
    directlyFollows: map.directlyFollows.slice(0, top),
    rework: { ...map.rework, activities: map.rework.activities.slice(0, top) },
    handovers: map.handovers.slice(0, top),
    bottlenecks: map.bottlenecks.slice(0, top),
  };
}

import type { ActivityOwner, ProcessMap } from '../../model/index.js';
import { compareText } from '../mining/compare-text.js';
import { mineLog, type ColumnarEventLog } from '../mining/index.js';
import type { LiveLog } from './read-live-log.js';

export type { ActivityOwner, ProcessMap } from '../../model/index.js';

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

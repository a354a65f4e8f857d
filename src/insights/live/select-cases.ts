import type { ColumnarEventLog } from '../mining/index.js';

/** The log restricted to the cases `keep` accepts, in the same order; names and positions are kept as they are. */
export function selectCases(log: ColumnarEventLog, keep: (caseId: string) => boolean): ColumnarEventLog {
  const kept: number[] = [];
  let events = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    if (!keep(log.caseIds[c]!)) continue;
    kept.push(c);
    events += log.caseOffsets[c + 1]! - log.caseOffsets[c]!;
  }
  const caseIndex = new Int32Array(events);
  const activity = new Int32Array(events);
  const resource = new Int32Array(events);
  const lifecycle = new Int32Array(events);
  const timestamp = new Float64Array(events);
  const position = new Uint32Array(events);
  const caseOffsets = new Int32Array(kept.length + 1);
  let k = 0;
  kept.forEach((c, index) => {
    for (let i = log.caseOffsets[c]!; i < log.caseOffsets[c + 1]!; i++, k++) {
      caseIndex[k] = index;
      activity[k] = log.activity[i]!;
      resource[k] = log.resource[i]!;
      lifecycle[k] = log.lifecycle[i]!;
      timestamp[k] = log.timestamp[i]!;
      position[k] = log.position[i]!;
    }
    caseOffsets[index + 1] = k;
  });
  return {
    eventCount: events,
    caseIds: kept.map((c) => log.caseIds[c]!),
    activityNames: log.activityNames,
    resourceNames: log.resourceNames,
    lifecycleNames: log.lifecycleNames,
    caseIndex,
    activity,
    resource,
    lifecycle,
    timestamp,
    position,
    caseOffsets,
    source: log.source,
  };
}

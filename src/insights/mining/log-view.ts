import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from './columnar-event-log.js';
import type { CompiledMiningOptions } from './mining-options.js';

/**
 * The events an analysis sees: the log's events kept by the lifecycle view, in log order
 * (case, timestamp, position), with activities as the classifier defines them. Cases left
 * without events are dropped. When every event is kept as it is, the columns are the log's own (no copy).
 */
export interface LogView {
  readonly log: ColumnarEventLog;
  readonly eventCount: number;
  readonly caseCount: number;
  /** Activity index (into `activityNames`) of each kept event. */
  readonly activity: Int32Array;
  readonly activityNames: readonly string[];
  /** UTC epoch milliseconds of each kept event. */
  readonly timestamp: Float64Array;
  /** Resource index (into `log.resourceNames`, `-1` for none) of each kept event. */
  readonly resource: Int32Array;
  /** View case `c`'s events are `caseOffsets[c]` up to (excluding) `caseOffsets[c + 1]`. */
  readonly caseOffsets: Int32Array;
}

/** Selects and classifies the events `options` ask for. */
export function createLogView(log: ColumnarEventLog, options: CompiledMiningOptions): LogView {
  const keepLifecycle = lifecycleFilter(log, options);
  const withLifecycle = options.classifier === 'name+lifecycle' && log.lifecycleNames.length > 0;
  if (!keepLifecycle && !withLifecycle && everyCaseHasEvents(log)) return wholeLog(log);
  const n = log.eventCount;
  const activity = new Int32Array(n);
  const timestamp = new Float64Array(n);
  const resource = new Int32Array(n);
  const caseOffsets: number[] = [0];
  const names: string[] = [];
  // Activity ids of the view: by (log activity, lifecycle + 1) when the lifecycle is part of the class.
  const lifecycleSlots = log.lifecycleNames.length + 1;
  const ids = new Map<number, number>();
  let m = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    const before = m;
    for (let i = log.caseOffsets[c]!; i < log.caseOffsets[c + 1]!; i++) {
      const lc = log.lifecycle[i]!;
      if (keepLifecycle && (lc < 0 || !keepLifecycle[lc])) continue;
      const a = log.activity[i]!;
      const key = withLifecycle ? a * lifecycleSlots + lc + 1 : a;
      let id = ids.get(key);
      if (id === undefined) {
        id = names.length;
        ids.set(key, id);
        const name = log.activityNames[a]!;
        names.push(withLifecycle && lc >= 0 ? `${name}+${log.lifecycleNames[lc]!}` : name);
      }
      activity[m] = id;
      timestamp[m] = log.timestamp[i]!;
      resource[m] = log.resource[i]!;
      m++;
    }
    if (m > before) caseOffsets.push(m);
  }
  return {
    log,
    eventCount: m,
    caseCount: caseOffsets.length - 1,
    activity: activity.subarray(0, m),
    activityNames: names,
    timestamp: timestamp.subarray(0, m),
    resource: resource.subarray(0, m),
    caseOffsets: Int32Array.from(caseOffsets),
  };
}

/** Every event, activity = name: the log's own columns serve as the view. */
function wholeLog(log: ColumnarEventLog): LogView {
  return {
    log,
    eventCount: log.eventCount,
    caseCount: log.caseIds.length,
    activity: log.activity,
    activityNames: log.activityNames,
    timestamp: log.timestamp,
    resource: log.resource,
    caseOffsets: log.caseOffsets,
  };
}

/** True for logs as the readers build them; a hand-made log may list a case without events, which a view drops. */
function everyCaseHasEvents(log: ColumnarEventLog): boolean {
  for (let c = 0; c < log.caseIds.length; c++) if (log.caseOffsets[c] === log.caseOffsets[c + 1]) return false;
  return true;
}

/** Per lifecycle index, whether its events are kept; `undefined` keeps every event. */
function lifecycleFilter(log: ColumnarEventLog, options: CompiledMiningOptions): Uint8Array | undefined {
  if (options.lifecycle === 'all') return undefined;
  if (log.lifecycleNames.length === 0) {
    const where = log.source.file ?? 'the log';
    throw new InputError(
      `${where} has no lifecycle transitions (lifecycle:transition), so a complete-only view would drop every event; mine it without the lifecycle filter.`,
      { file: log.source.file, field: 'lifecycle' },
    );
  }
  return Uint8Array.from(log.lifecycleNames, (name) => (name.toLowerCase() === 'complete' ? 1 : 0));
}

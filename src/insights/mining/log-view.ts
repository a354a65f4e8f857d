import { InputError } from '../../shared/index.js';
import type { ColumnarEventLog } from './columnar-event-log.js';
import type { CompiledMiningOptions } from './mining-options.js';

/**
 * The events an analysis sees: the log's events kept by the lifecycle view, in log order
 * (case, timestamp, position), with activities as the classifier defines them. Cases left
 * without events are dropped.
 */
export interface LogView {
  readonly log: ColumnarEventLog;
  /** Log event index of each kept event. */
  readonly events: Uint32Array;
  /** Activity index (into `activityNames`) of each kept event. */
  readonly activity: Int32Array;
  readonly activityNames: readonly string[];
  /** View case `c`'s events are `caseOffsets[c]` up to (excluding) `caseOffsets[c + 1]`. */
  readonly caseOffsets: Int32Array;
  /** Log case index of each view case. */
  readonly caseIndex: Int32Array;
}

/** Selects and classifies the events `options` ask for. */
export function createLogView(log: ColumnarEventLog, options: CompiledMiningOptions): LogView {
  const keepLifecycle = lifecycleFilter(log, options);
  const n = log.eventCount;
  const events = new Uint32Array(n);
  const activity = new Int32Array(n);
  const caseOffsets: number[] = [0];
  const caseIndex: number[] = [];
  const names: string[] = [];
  // Activity ids of the view: by (log activity, lifecycle + 1) when the lifecycle is part of the class.
  const withLifecycle = options.classifier === 'name+lifecycle';
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
      events[m] = i;
      activity[m] = id;
      m++;
    }
    if (m > before) {
      caseOffsets.push(m);
      caseIndex.push(c);
    }
  }
  return {
    log,
    events: events.subarray(0, m),
    activity: activity.subarray(0, m),
    activityNames: names,
    caseOffsets: Int32Array.from(caseOffsets),
    caseIndex: Int32Array.from(caseIndex),
  };
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

import { InputError } from '../../shared/index.js';
import { AttributeCollector } from './attribute-collector.js';
import type { ColumnarEventLog, LogSource } from './columnar-event-log.js';
import { parseTimestamp } from './parse-timestamp.js';
import { StringInterner } from './string-interner.js';

/** One event as a live source hands it over; `timestamp` is epoch ms, a `Date` or an ISO 8601 string. */
export interface EventRecord {
  caseId: string;
  activity: string;
  timestamp: number | string | Date;
  resource?: string | null;
  lifecycle?: string | null;
}

const INITIAL_CAPACITY = 1024;

/**
 * Collects events into growing typed-array columns (no object per event) and builds a sorted
 * {@link ColumnarEventLog}. Readers must add events in input order: that order is the tie-breaker.
 */
export class EventLogBuilder {
  private readonly cases = new StringInterner();
  private readonly activities = new StringInterner();
  private readonly resources = new StringInterner();
  private readonly lifecycles = new StringInterner();
  private size = 0;
  private caseColumn = new Int32Array(INITIAL_CAPACITY);
  private activityColumn = new Int32Array(INITIAL_CAPACITY);
  // Made at the first event that has a resource or a lifecycle: a live log often has neither.
  private resourceColumn: Int32Array | undefined;
  private lifecycleColumn: Int32Array | undefined;
  private timestampColumn = new Float64Array(INITIAL_CAPACITY);
  private readonly attributes = new AttributeCollector();
  private readonly source: LogSource;

  constructor(source: Partial<LogSource> = {}) {
    this.source = {
      format: 'events',
      activityKey: 'concept:name',
      classifiers: [],
      extensions: [],
      globals: [],
      warnings: [],
      ...source,
    };
  }

  get eventCount(): number {
    return this.size;
  }

  /** Distinct case ids so far. */
  get caseCount(): number {
    return this.cases.size;
  }

  /** Adds one event; `timestamp` is UTC epoch milliseconds. Empty resource or lifecycle strings count as none. */
  add(caseId: string, activity: string, timestamp: number, resource?: string, lifecycle?: string): void {
    if (this.size === this.caseColumn.length) this.grow();
    const i = this.size++;
    this.caseColumn[i] = this.cases.intern(caseId);
    this.activityColumn[i] = this.activities.intern(activity);
    this.timestampColumn[i] = timestamp;
    if (resource) (this.resourceColumn ??= this.noneColumn())[i] = this.resources.intern(resource);
    else if (this.resourceColumn) this.resourceColumn[i] = -1;
    if (lifecycle) (this.lifecycleColumn ??= this.noneColumn())[i] = this.lifecycles.intern(lifecycle);
    else if (this.lifecycleColumn) this.lifecycleColumn[i] = -1;
  }

  /** Sets a data attribute of the event added last. */
  setEventAttribute(key: string, type: string, value: string): void {
    this.attributes.setEvent(this.size - 1, key, type, value, this.caseColumn.length);
  }

  /** Sets a data attribute of the case of the event added last; a case keeps the first value it gets. */
  setCaseAttribute(key: string, type: string, value: string): void {
    this.attributes.setCase(this.caseColumn[this.size - 1]!, key, type, value);
  }

  /** Adds an event record from a live source, checking its fields. */
  addEvent(event: EventRecord): void {
    const where = `event ${this.size + 1} of the stream`;
    if (typeof event.caseId !== 'string' || event.caseId === '') {
      throw new InputError(`The ${where} has no case id; give every event a non-empty caseId.`, { index: this.size });
    }
    if (typeof event.activity !== 'string' || event.activity === '') {
      throw new InputError(
        `The ${where} (case "${event.caseId}") has no activity; give every event a non-empty activity.`,
        {
          index: this.size,
        },
      );
    }
    const timestamp = toEpochMs(event.timestamp);
    if (timestamp === undefined) {
      throw new InputError(
        `The ${where} (case "${event.caseId}") has the timestamp ${JSON.stringify(String(event.timestamp))}, which is not a date; use epoch milliseconds, a Date or an ISO 8601 string.`,
        { index: this.size },
      );
    }
    this.add(event.caseId, event.activity, timestamp, event.resource ?? undefined, event.lifecycle ?? undefined);
  }

  /** Records something a reader skipped or merged, for the log's `source.warnings`. */
  warn(message: string): void {
    this.source.warnings.push(message);
  }

  /** Sorts the events by (case, timestamp, input position) and returns the columnar log. */
  build(): ColumnarEventLog {
    const n = this.size;
    const caseCount = this.cases.size;
    const cases = this.caseColumn;
    const caseOffsets = new Int32Array(caseCount + 1);
    for (let i = 0; i < n; i++) caseOffsets[cases[i]! + 1]!++;
    for (let c = 0; c < caseCount; c++) caseOffsets[c + 1]! += caseOffsets[c]!;
    // Counting sort by case, each event written straight to its place: input order is kept inside each case.
    const next = caseOffsets.slice(0, caseCount);
    const position = new Uint32Array(n);
    const activity = new Int32Array(n);
    const timestamp = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = next[cases[i]!]!++;
      position[k] = i;
      activity[k] = this.activityColumn[i]!;
      timestamp[k] = this.timestampColumn[i]!;
    }
    const caseIndex = new Int32Array(n);
    for (let c = 0; c < caseCount; c++) {
      const from = caseOffsets[c]!;
      const to = caseOffsets[c + 1]!;
      caseIndex.fill(c, from, to);
      let sorted = true;
      for (let k = from + 1; k < to && sorted; k++) sorted = timestamp[k - 1]! <= timestamp[k]!;
      if (!sorted) this.sortCase(position, activity, timestamp, from, to);
    }
    return {
      eventCount: n,
      caseIds: this.cases.values,
      activityNames: this.activities.values,
      resourceNames: this.resources.values,
      lifecycleNames: this.lifecycles.values,
      caseIndex,
      activity,
      resource: gather(this.resourceColumn, position),
      lifecycle: gather(this.lifecycleColumn, position),
      timestamp,
      position,
      caseOffsets,
      attributes: this.attributes.build(position, caseCount),
      source: this.source,
    };
  }

  /** Orders one case's events by (timestamp, input position) and rewrites its activity and timestamp entries. */
  private sortCase(
    position: Uint32Array,
    activity: Int32Array,
    timestamp: Float64Array,
    from: number,
    to: number,
  ): void {
    const ts = this.timestampColumn;
    position.subarray(from, to).sort((a, b) => ts[a]! - ts[b]! || a - b);
    for (let k = from; k < to; k++) {
      activity[k] = this.activityColumn[position[k]!]!;
      timestamp[k] = ts[position[k]!]!;
    }
  }

  /** A column of "none" for every slot so far. */
  private noneColumn(): Int32Array {
    return new Int32Array(this.caseColumn.length).fill(-1);
  }

  private grow(): void {
    const capacity = this.caseColumn.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T, make: (size: number) => T): T => {
      const wider = make(capacity);
      wider.set(old);
      return wider;
    };
    this.caseColumn = widen(this.caseColumn, (s) => new Int32Array(s));
    this.activityColumn = widen(this.activityColumn, (s) => new Int32Array(s));
    if (this.resourceColumn) this.resourceColumn = widen(this.resourceColumn, (s) => new Int32Array(s));
    if (this.lifecycleColumn) this.lifecycleColumn = widen(this.lifecycleColumn, (s) => new Int32Array(s));
    this.timestampColumn = widen(this.timestampColumn, (s) => new Float64Array(s));
    this.attributes.grow(capacity);
  }
}

/** `column` in sorted order; all `-1` (none) when no event had a value. */
function gather(column: Int32Array | undefined, position: Uint32Array): Int32Array {
  const sorted = new Int32Array(position.length);
  if (!column) return sorted.fill(-1);
  for (let k = 0; k < position.length; k++) sorted[k] = column[position[k]!]!;
  return sorted;
}

function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') return parseTimestamp(value);
  return undefined;
}

/** Builds a columnar log from event records, e.g. from the live store. */
export async function buildEventLog(
  events: AsyncIterable<EventRecord> | Iterable<EventRecord>,
  source: Partial<LogSource> = {},
): Promise<ColumnarEventLog> {
  const builder = new EventLogBuilder(source);
  for await (const event of events) builder.addEvent(event);
  return builder.build();
}

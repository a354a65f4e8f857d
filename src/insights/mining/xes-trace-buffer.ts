import type { EventLogBuilder } from './event-log-builder.js';
import type { MissingFieldTally } from './missing-field-tally.js';

/** How messages about gaps name where each field comes from, e.g. `event attribute "time:timestamp"`. */
export interface XesFieldSources {
  case: string;
  activity: string;
  timestamp: string;
}

/**
 * Holds the events of the trace being read until its end tag, because a trace's case id may come
 * after its events. The arrays are reused from trace to trace.
 */
export class XesTraceBuffer {
  caseId: string | undefined;
  private line = 0;
  private size = 0;
  private readonly activities: (string | undefined)[] = [];
  private readonly timestamps: number[] = [];
  private readonly resources: (string | undefined)[] = [];
  private readonly lifecycles: (string | undefined)[] = [];
  private readonly lines: number[] = [];
  // Data attributes as flat (key, type, value) triples: one list per event slot, reused, and one for the trace.
  private readonly eventData: string[][] = [];
  private readonly traceData: string[] = [];
  /** Traces whose case id an earlier trace already had (their events join that case). */
  mergedTraces = 0;

  constructor(
    private readonly builder: EventLogBuilder,
    private readonly tally: MissingFieldTally,
    private readonly sources: XesFieldSources,
  ) {}

  start(line: number): void {
    this.caseId = undefined;
    this.line = line;
    this.size = 0;
    this.traceData.length = 0;
  }

  /** Notes a data attribute of the trace. */
  traceAttribute(key: string, type: string, value: string): void {
    this.traceData.push(key, type, value);
  }

  /** Starts collecting the data attributes of the event that `push` will add next. */
  openEvent(): void {
    if (this.eventData[this.size]) this.eventData[this.size]!.length = 0;
  }

  /** Notes a data attribute of the event opened last. */
  eventAttribute(key: string, type: string, value: string): void {
    (this.eventData[this.size] ??= []).push(key, type, value);
  }

  push(
    activity: string | undefined,
    timestamp: number,
    resource: string | undefined,
    lifecycle: string | undefined,
    line: number,
  ): void {
    const i = this.size++;
    this.activities[i] = activity;
    this.timestamps[i] = timestamp;
    this.resources[i] = resource;
    this.lifecycles[i] = lifecycle;
    this.lines[i] = line;
  }

  /** Hands the trace's complete events to the builder, tallying what is missing. */
  flush(): void {
    if (this.caseId === undefined || this.caseId === '') {
      this.tally.note(`traces without a case id (${this.sources.case})`, this.line);
    }
    let complete = true;
    for (let i = 0; i < this.size; i++) {
      if (this.activities[i] === undefined) {
        this.tally.note(`events without an activity (${this.sources.activity})`, this.lines[i]!);
        complete = false;
      }
      if (Number.isNaN(this.timestamps[i])) {
        this.tally.note(`events without a timestamp (${this.sources.timestamp})`, this.lines[i]!);
        complete = false;
      }
    }
    // Once anything is missing the log will be refused: keep counting, stop storing.
    if (!complete || !this.tally.empty || this.caseId === undefined || this.size === 0) return;
    const casesBefore = this.builder.caseCount;
    for (let i = 0; i < this.size; i++) {
      this.builder.add(this.caseId, this.activities[i]!, this.timestamps[i]!, this.resources[i], this.lifecycles[i]);
      const data = this.eventData[i];
      if (data)
        for (let d = 0; d < data.length; d += 3) this.builder.setEventAttribute(data[d]!, data[d + 1]!, data[d + 2]!);
    }
    const data = this.traceData;
    for (let d = 0; d < data.length; d += 3) this.builder.setCaseAttribute(data[d]!, data[d + 1]!, data[d + 2]!);
    if (this.builder.caseCount === casesBefore) this.mergedTraces++;
  }
}

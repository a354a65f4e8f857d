import { isCelloEventType, matchesTypePattern, WORKFLOW_EVENT_PREFIX } from '../../model/index.js';
import { EVENT_COLUMN as C, type EventColumnsRow } from '../../store/index.js';
import { correlationKey } from '../slo/correlation-key.js';
import { pairSignals } from '../slo/pair-signals.js';
import type { SloSignal } from '../slo/slo-measurement.js';
import { SloTally } from '../slo/slo-tally.js';
import { bucketIndex, type BucketSpan } from './bucket-span.js';
import type { SloPoint, SloSeries } from '../../model/index.js';

/** An agreement SLO as a time series measures it. */
export interface SloSeriesSpec extends Omit<SloSeries, 'uncorrelated' | 'points'> {
  withinMs: number;
}

/** A time range of the log, and the types to read in it (every type when absent). */
export interface ScanRange {
  fromMs: number;
  toMs: number;
  types?: string[];
}

/** SLOs with the same request type, response type and correlation share one pairing (it does not depend on `within`). */
interface PairingGroup {
  request: string;
  response: string;
  correlateBy: string;
  /** Requests from here on are read, so that their late answers do not answer newer requests. */
  readFromMs: number;
  /** Responses before here are read: late answers to the last buckets' requests, up to now. */
  readToMs: number;
  requests: SloSignal[];
  responses: SloSignal[];
  uncorrelated: number;
  specs: { spec: SloSeriesSpec; order: number }[];
}

/** What a row of one event type feeds. */
interface TypeRoles {
  counted: boolean;
  series: number[];
  requestOf: PairingGroup[];
  responseOf: PairingGroup[];
}

/**
 * Throughput and SLO figures bucket by bucket, fed one row at a time. Events are counted and dropped; only the
 * requests and responses of the SLOs are kept (seq, time, key) until `result` pairs them, once per request and
 * response type, and judges each request in the bucket it was made in.
 */
export class TimeseriesTally {
  private readonly total: Int32Array;
  private readonly byType: Int32Array[];
  private readonly groups: PairingGroup[] = [];
  private readonly roles = new Map<string, TypeRoles>();

  constructor(
    private readonly span: BucketSpan,
    private readonly specs: readonly SloSeriesSpec[],
    private readonly options: { types: readonly string[]; includeCello: boolean; nowMs: number },
  ) {
    this.total = new Int32Array(span.count);
    this.byType = options.types.map(() => new Int32Array(span.count));
    // Late answers are read up to now (or the end of the span, when it lies ahead), at most `within` past the span.
    const lastAnswerMs = Math.max(span.toMs, options.nowMs + 1);
    specs.forEach((spec, order) => {
      let group = this.groups.find(
        (g) => g.request === spec.request && g.response === spec.response && g.correlateBy === spec.correlateBy,
      );
      if (!group) {
        const { request, response, correlateBy } = spec;
        group = {
          request,
          response,
          correlateBy,
          readFromMs: span.fromMs,
          readToMs: span.toMs,
          requests: [],
          responses: [],
          uncorrelated: 0,
          specs: [],
        };
        this.groups.push(group);
      }
      group.readFromMs = Math.min(group.readFromMs, span.fromMs - spec.withinMs);
      group.readToMs = Math.max(group.readToMs, Math.min(lastAnswerMs, span.toMs + spec.withinMs));
      group.specs.push({ spec, order });
    });
  }

  /** Whether rows must carry their extensions (an SLO correlates by an extension). */
  get needsExtensions(): boolean {
    return this.groups.some((g) => g.correlateBy !== 'subject');
  }

  /** What to read, each event at most once: the span with every type, and around it only the SLOs' types. */
  ranges(): ScanRange[] {
    const ranges: ScanRange[] = [{ fromMs: this.span.fromMs, toMs: this.span.toMs }];
    const types = [...new Set(this.groups.flatMap((g) => [g.request, g.response]))];
    const before = Math.min(this.span.fromMs, ...this.groups.map((g) => g.readFromMs));
    const after = Math.max(this.span.toMs, ...this.groups.map((g) => g.readToMs));
    if (before < this.span.fromMs) ranges.unshift({ fromMs: before, toMs: this.span.fromMs, types });
    if (after > this.span.toMs) ranges.push({ fromMs: this.span.toMs, toMs: after, types });
    return ranges;
  }

  /** Counts one row, and keeps it when it is a request or response of an SLO. */
  readonly observe = (row: EventColumnsRow): void => {
    const t = row[C.timeMs];
    const roles = this.rolesOf(row[C.type]);
    const index = bucketIndex(this.span, t);
    if (index >= 0) {
      if (roles.counted) this.total[index]!++;
      for (const s of roles.series) this.byType[s]![index]!++;
    }
    for (const group of roles.requestOf)
      if (t >= group.readFromMs && t < this.span.toMs) this.keep(group, group.requests, row, index >= 0);
    for (const group of roles.responseOf)
      if (t >= group.readFromMs && t < group.readToMs) this.keep(group, group.responses, row, index >= 0);
  };

  /** The series: throughput per bucket, and each SLO's requests judged bucket by bucket as of now. */
  result(): { events: { total: number[]; byType: { type: string; counts: number[] }[] }; slos: SloSeries[] } {
    const slos: SloSeries[] = [];
    for (const group of this.groups) {
      const paired = pairSignals(group.requests, group.responses);
      group.requests = [];
      group.responses = [];
      for (const { spec, order } of group.specs) {
        const tallies = Array.from({ length: this.span.count }, () => new SloTally(spec.withinMs, this.options.nowMs));
        paired.requests.forEach((request, i) => {
          const index = bucketIndex(this.span, request.timeMs);
          if (index >= 0) tallies[index]!.add(request, paired.answeredAtMs[i]!);
        });
        const { withinMs: _withinMs, ...identity } = spec;
        slos[order] = { ...identity, uncorrelated: group.uncorrelated, points: tallies.map((t) => point(t)) };
      }
    }
    return {
      events: {
        total: [...this.total],
        byType: this.options.types.map((type, i) => ({ type, counts: [...this.byType[i]!] })),
      },
      slos,
    };
  }

  private keep(group: PairingGroup, into: SloSignal[], row: EventColumnsRow, inSpan: boolean): void {
    const key = correlationKey(row[C.subject], row[C.extensions], group.correlateBy);
    if (key === undefined) {
      if (inSpan) group.uncorrelated++;
      return;
    }
    into.push({ seq: row[C.seq], timeMs: row[C.timeMs], key });
  }

  /** Types are few and rows many: what a type feeds is worked out once. */
  private rolesOf(type: string): TypeRoles {
    let roles = this.roles.get(type);
    if (roles) return roles;
    const series: number[] = [];
    this.options.types.forEach((pattern, i) => matchesTypePattern(type, pattern) && series.push(i));
    roles = {
      counted: this.options.includeCello || !isCelloEventType(type) || type.startsWith(WORKFLOW_EVENT_PREFIX),
      series,
      requestOf: this.groups.filter((g) => g.request === type),
      // A type that is both request and response counts as a request: it cannot answer itself.
      responseOf: this.groups.filter((g) => g.response === type && g.request !== type),
    };
    this.roles.set(type, roles);
    return roles;
  }
}

function point(tally: SloTally): SloPoint {
  const { counted, met, missed, pending, compliance, latency } = tally.measurement();
  return { counted, met, missed, pending, compliance, latency };
}

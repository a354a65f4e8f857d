import type { ColumnarEventLog } from '../mining/index.js';
import { CategoryVocabulary } from './category-vocabulary.js';
import { chooseDataFeatures, translateDataFeature, type DataFeature } from './data-features.js';
import type { FeatureKind } from './feature-bins.js';

/** How many of the last events a prefix names one by one (activity, lifecycle). */
export const LAST_EVENTS = 5;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One column of the encoding: its name (for people), its kind, and for a category how many codes it has. */
export interface PrefixFeature {
  readonly name: string;
  readonly kind: FeatureKind;
  readonly categories: number;
}

/** A log's indexes translated to the encoder's codes, and scratch space for one prefix. */
interface LogBinding {
  activity: Int32Array;
  lifecycle: Int32Array | undefined;
  resource: Int32Array | undefined;
  data: (ReturnType<typeof translateDataFeature> | undefined)[];
  counts: Float64Array;
  lastSeen: Float64Array;
}

/**
 * Turns the first k events of a case into numbers a tree can split on: order (the last activities and
 * lifecycles one by one, how often each activity occurred, how long since each last occurred), time (prefix
 * length, elapsed time, the last two gaps, weekday and hour of the last event, UTC), who (the last two
 * resources) and data (trace attributes and the latest value of each event attribute). Everything it knows
 * by name was learned from the training cases; a log is read through its names, so a model trained on one
 * log predicts for another (the live log).
 */
export class PrefixEncoder {
  readonly features: readonly PrefixFeature[];
  private readonly bindings = new WeakMap<ColumnarEventLog, LogBinding>();

  private constructor(
    private readonly activities: CategoryVocabulary,
    private readonly lifecycles: CategoryVocabulary | undefined,
    private readonly resources: CategoryVocabulary | undefined,
    private readonly data: readonly DataFeature[],
  ) {
    const features: PrefixFeature[] = [{ name: 'events', kind: 'number', categories: 0 }];
    const category = (name: string, vocabulary: CategoryVocabulary) =>
      features.push({ name, kind: 'category', categories: vocabulary.size });
    const number = (name: string) => features.push({ name, kind: 'number', categories: 0 });
    for (let j = 1; j <= LAST_EVENTS; j++) {
      category(`activity −${j}`, activities);
      if (lifecycles) category(`lifecycle −${j}`, lifecycles);
    }
    if (resources) {
      category('resource −1', resources);
      category('resource −2', resources);
    }
    for (const name of activities.names) number(`count ${name}`);
    for (const name of activities.names) number(`since ${name}`);
    for (const name of ['elapsed', 'since previous event', 'gap before previous event', 'weekday', 'hour'])
      number(name);
    for (const d of data) {
      if (d.vocabulary) category(`${d.scope} ${d.key}`, d.vocabulary);
      else number(`${d.scope} ${d.key}`);
    }
    this.features = features;
  }

  /** Learns the names (activities, lifecycles, resources, data values) from the training cases of `log`. */
  static fit(log: ColumnarEventLog, cases: Int32Array): PrefixEncoder {
    const activities = new Map<string, number>();
    const lifecycles = new Map<string, number>();
    const resources = new Map<string, number>();
    const tally = (counts: Map<string, number>, names: readonly string[], index: number) => {
      if (index >= 0) counts.set(names[index]!, (counts.get(names[index]!) ?? 0) + 1);
    };
    for (const c of cases) {
      for (let i = log.caseOffsets[c]!; i < log.caseOffsets[c + 1]!; i++) {
        tally(activities, log.activityNames, log.activity[i]!);
        tally(lifecycles, log.lifecycleNames, log.lifecycle[i]!);
        tally(resources, log.resourceNames, log.resource[i]!);
      }
    }
    const vocabulary = (counts: Map<string, number>) =>
      counts.size >= 2 ? CategoryVocabulary.fromCounts(counts) : undefined;
    return new PrefixEncoder(
      CategoryVocabulary.fromCounts(activities),
      vocabulary(lifecycles),
      vocabulary(resources),
      chooseDataFeatures(log, cases),
    );
  }

  /** Writes the features of the first `k` events (k ≥ 1) of case `caseIndex` of `log` into `out`. */
  encode(log: ColumnarEventLog, caseIndex: number, k: number, out: Float64Array): void {
    const b = this.bind(log);
    const first = log.caseOffsets[caseIndex]!;
    const last = first + k - 1;
    const time = log.timestamp;
    const now = time[last]!;
    let f = 0;
    out[f++] = k;
    for (let j = 1; j <= LAST_EVENTS; j++) {
      const i = last - j + 1;
      const present = i >= first;
      out[f++] = present ? b.activity[log.activity[i]!]! : NaN;
      if (b.lifecycle) out[f++] = present ? code(b.lifecycle, log.lifecycle[i]!) : NaN;
    }
    if (b.resource) {
      out[f++] = code(b.resource, log.resource[last]!);
      out[f++] = last > first ? code(b.resource, log.resource[last - 1]!) : NaN;
    }
    const named = this.activities.names.length;
    b.counts.fill(0);
    b.lastSeen.fill(NaN);
    for (let i = first; i <= last; i++) {
      const a = b.activity[log.activity[i]!]!;
      if (a >= named) continue;
      b.counts[a]!++;
      b.lastSeen[a] = time[i]!;
    }
    for (let a = 0; a < named; a++) out[f++] = b.counts[a]!;
    for (let a = 0; a < named; a++) out[f++] = now - b.lastSeen[a]!;
    out[f++] = now - time[first]!;
    out[f++] = last > first ? now - time[last - 1]! : NaN;
    out[f++] = last - 1 > first ? time[last - 1]! - time[last - 2]! : NaN;
    // 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday = 0).
    out[f++] = (Math.floor(now / DAY_MS) + 4) % 7;
    out[f++] = (((now % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
    for (let d = 0; d < this.data.length; d++) {
      const binding = b.data[d];
      let value = NaN;
      if (binding?.column.scope === 'trace') {
        const c = binding.column.codes[caseIndex]!;
        if (c >= 0) value = binding.values[c]!;
      } else if (binding) {
        for (let i = last; i >= first; i--) {
          const c = binding.column.codes[i]!;
          if (c >= 0) {
            value = binding.values[c]!;
            break;
          }
        }
      }
      out[f++] = value;
    }
  }

  private bind(log: ColumnarEventLog): LogBinding {
    let binding = this.bindings.get(log);
    if (!binding) {
      binding = {
        activity: this.activities.translate(log.activityNames),
        lifecycle: this.lifecycles?.translate(log.lifecycleNames),
        resource: this.resources?.translate(log.resourceNames),
        data: this.data.map((d) => translateDataFeature(log, d)),
        counts: new Float64Array(this.activities.names.length),
        lastSeen: new Float64Array(this.activities.names.length),
      };
      this.bindings.set(log, binding);
    }
    return binding;
  }
}

/** A translated code, or NaN for "none" (index −1). */
function code(translation: Int32Array, index: number): number {
  return index < 0 ? NaN : translation[index]!;
}

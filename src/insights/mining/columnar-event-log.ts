/** An extension a XES log declares (`<extension name prefix uri>`). */
export interface XesExtension {
  name: string;
  prefix: string;
  uri: string;
}

/** A classifier a XES log declares: a name and the attribute keys whose values make up an event's class. */
export interface XesClassifier {
  name: string;
  keys: string[];
}

/** A global attribute a XES log declares for every trace or event, with its type and default value. */
export interface XesGlobalAttribute {
  scope: 'trace' | 'event';
  type: string;
  key: string;
  value: string;
}

/** Where a log came from and what its columns mean. */
export interface LogSource {
  format: 'xes' | 'csv' | 'events';
  /** The file it was read from, when it was read from one. */
  file?: string;
  /** What an activity is: an attribute key (`concept:name`) or the declared classifier used. */
  activityKey: string;
  classifiers: XesClassifier[];
  extensions: XesExtension[];
  globals: XesGlobalAttribute[];
  /** Things a reader skipped or merged, in full sentences. */
  warnings: string[];
}

/**
 * A data attribute of a log read with `attributes: true`: its distinct values, and one code per case (trace
 * attributes) or per event (event attributes, in the log's sorted order). `-1` means "no value".
 */
export interface AttributeColumn {
  readonly key: string;
  readonly scope: 'trace' | 'event';
  /** The XES type (`string`, `int`, `float`, `boolean`, `id`); CSV values are `string`. */
  readonly type: string;
  readonly values: readonly string[];
  readonly codes: Int32Array;
}

/**
 * An event log held as columns (typed arrays), one entry per event, sorted by (case, timestamp, position):
 * equal timestamps in a case keep their input order. Strings are interned: the columns hold indexes into
 * the name arrays; `-1` means "none" in `resource` and `lifecycle`.
 */
export interface ColumnarEventLog {
  readonly eventCount: number;
  /** Case ids by case index, in order of first appearance in the input. */
  readonly caseIds: readonly string[];
  readonly activityNames: readonly string[];
  readonly resourceNames: readonly string[];
  readonly lifecycleNames: readonly string[];
  readonly caseIndex: Int32Array;
  readonly activity: Int32Array;
  readonly resource: Int32Array;
  readonly lifecycle: Int32Array;
  /** UTC epoch milliseconds (fractions keep microseconds). */
  readonly timestamp: Float64Array;
  /** Position of the event in the input (0-based), the tie-breaker for equal timestamps. */
  readonly position: Uint32Array;
  /** Case `c`'s events are `caseOffsets[c]` up to (excluding) `caseOffsets[c + 1]`. */
  readonly caseOffsets: Int32Array;
  /** Trace and event data attributes, when the reader was asked to keep them (absent or empty otherwise). */
  readonly attributes?: readonly AttributeColumn[];
  readonly source: LogSource;
}

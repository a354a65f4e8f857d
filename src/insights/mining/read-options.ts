/** Which attributes (XES) or columns (CSV) hold a log's case id, activity, timestamp, resource and lifecycle. */
export interface ReadOptions {
  /** Case id: the trace attribute in XES (`concept:name`), the column in CSV (`case:concept:name`). */
  case?: string;
  /** Activity: `concept:name` by default. */
  activity?: string;
  /** Timestamp: `time:timestamp` by default. */
  timestamp?: string;
  /** Resource, when present: `org:resource` by default. */
  resource?: string;
  /** Lifecycle transition, when present: `lifecycle:transition` by default. */
  lifecycle?: string;
  /** XES only: a classifier the log declares, by name; the values of its keys joined by `+` become the activity. */
  classifier?: string;
  /** CSV only: the field delimiter, `,` by default. */
  delimiter?: string;
  /**
   * Keep the other trace and event attributes as data columns (`ColumnarEventLog.attributes`); off by default,
   * since mining needs none. In CSV, a `case:` column is a trace attribute (named without the prefix).
   */
  attributes?: boolean;
}

/** Read options with every default filled in. */
export type CompiledReadOptions = Required<Omit<ReadOptions, 'classifier'>> & { classifier?: string };

/** Fills in the defaults; a CSV-style `case:` prefix on the case key is dropped for XES, whose case id is a trace attribute. */
export function compileReadOptions(options: ReadOptions, format: 'xes' | 'csv'): CompiledReadOptions {
  const caseKey = options.case ?? (format === 'csv' ? 'case:concept:name' : 'concept:name');
  return {
    case: format === 'xes' && caseKey.startsWith('case:') ? caseKey.slice('case:'.length) : caseKey,
    activity: options.activity ?? 'concept:name',
    timestamp: options.timestamp ?? 'time:timestamp',
    resource: options.resource ?? 'org:resource',
    lifecycle: options.lifecycle ?? 'lifecycle:transition',
    delimiter: options.delimiter ?? ',',
    attributes: options.attributes ?? false,
    ...(options.classifier === undefined ? {} : { classifier: options.classifier }),
  };
}

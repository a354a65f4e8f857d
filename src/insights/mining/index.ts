export type {
  AttributeColumn,
  ColumnarEventLog,
  LogSource,
  XesClassifier,
  XesExtension,
  XesGlobalAttribute,
} from './columnar-event-log.js';
export { EventLogBuilder, buildEventLog, type EventRecord } from './event-log-builder.js';
export { parseTimestamp } from './parse-timestamp.js';
export type { ReadOptions } from './read-options.js';
export { readXes } from './xes-reader.js';
export { readCsv } from './csv-reader.js';
export { readEventLogFile, eventLogFormat } from './read-event-log-file.js';
export {
  ACTIVITY_CLASSIFIERS,
  LIFECYCLE_VIEWS,
  type ActivityClassifier,
  type LifecycleView,
  type MiningOptions,
} from './mining-options.js';
export type { DurationSummary } from './duration-summary.js';
export type * from './mining-result.js';
export { mineLog } from './mine-log.js';
export { formatMiningSummary } from './format-mining-summary.js';

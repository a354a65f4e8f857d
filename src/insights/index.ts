export * from './mining/index.js';
export { compileCaseNotion, type CaseNotion } from './live/case-notion.js';
export { parseLiveLogQuery, type LiveLogQuery, type LiveLogQueryText } from './live/live-log-query.js';
export { readLiveLog, type LiveLog, type LiveLogSource, type RowObserver } from './live/read-live-log.js';
export { selectCases } from './live/select-cases.js';
export { mineCore, type CoreMiningResult } from './live/mine-core.js';

export * from './parse-http-events.js';
export * from './ingest-limits.js';
export { decodeHeaderValue } from './header-value.js';
export { isJsonMediaType, isTextMediaType } from './binary-data.js';

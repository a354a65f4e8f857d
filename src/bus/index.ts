/**
 * The transport port: small notifications between Cello's parts and processes. The in-process adapter is the
 * default; nats/ (JetStream) is the scale-out adapter, imported only by src/app (and tests).
 */
export type {
  Payload,
  Transport,
  TransportCapabilities,
  TransportHandler,
  TransportMessage,
  Unsubscribe,
} from './transport.js';
export { createInProcessTransport, type InProcessTransportOptions } from './in-process-transport.js';
export {
  LOG_COMMITTED,
  MAX_NOTICE_TYPES,
  parseCommitNotice,
  publishCommitNotice,
  type CommitNotice,
} from './commit-notice.js';
export { createCommitNotifier, type CommitNotifier } from './commit-notifier.js';
export { checkPattern, checkSubject, subjectMatches } from './subject-pattern.js';

/** The NATS JetStream transport adapter; imported only by src/app (and tests). */
export { createNatsTransport } from './nats-transport.js';
export { DEFAULT_NATS_STREAM, DEFAULT_NATS_SUBJECT_PREFIX, type NatsTransportOptions } from './nats-options.js';

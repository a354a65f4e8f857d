import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The runtime's Prometheus metrics, one registry per app so tests can run several side by side. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'cello_' });
  const latencyBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
  return {
    registry,
    eventsIngested: new Counter({
      name: 'cello_events_ingested_total',
      help: 'Events appended to the log, by how they arrived.',
      labelNames: ['mode'] as const,
      registers: [registry],
    }),
    eventsDuplicate: new Counter({
      name: 'cello_events_duplicate_total',
      help: 'Publishes acknowledged as duplicates of an event already in the log (same source and id).',
      registers: [registry],
    }),
    ingestRejected: new Counter({
      name: 'cello_ingest_rejected_total',
      help: 'Publish requests refused, by error code.',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    ackLatency: new Histogram({
      name: 'cello_ingest_ack_seconds',
      help: 'From request received to 202 sent (includes the durable commit).',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'cello_delivery_attempts_total',
      help: 'Webhook delivery attempts, by outcome (succeeded, retry, dead).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    deliveryLatency: new Histogram({
      name: 'cello_delivery_seconds',
      help: 'From the event being committed to its webhook answering 2xx.',
      buckets: latencyBuckets,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

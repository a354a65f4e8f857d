import {
  celloEvent,
  DeliveryDeadLettered,
  toStructuredCloudEvent,
  type CloudEvent,
  type StoredEvent,
} from '../../model/index.js';
import { newId, newWebhookSecret, type Clock, type Logger } from '../../shared/index.js';
import { column, rowCodec, type Store } from '../../store/index.js';
import type { Metrics } from '../metrics.js';
import type { OrgView } from '../org-view.js';
import type { Attempt } from '../outbox/outbox-spec.js';
import { createOutboxWorker } from '../outbox/outbox-worker.js';
import type { RecordChange } from '../publish/record-change.js';
import { compileBackoff, type BackoffOptions } from './backoff.js';
import { deliveryDb } from './delivery-tables.js';

export interface DeliveryWorkerOptions {
  /** Attempts before a delivery is dead-lettered, unless the subscription says otherwise. */
  maxAttempts: number;
  /** Concurrent requests per subscription, unless the subscription says otherwise. */
  concurrency: number;
  timeoutMs: number;
  /** How often due retries are looked for when no new event wakes the worker. */
  pollMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryWorkerOptions = {
  maxAttempts: 8,
  concurrency: 4,
  timeoutMs: 10_000,
  pollMs: 500,
  backoff: compileBackoff(),
};

export interface DeliveryWorkerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  current(): { org: OrgView };
  /** Settles an attempt and appends the dead letter it may cause, in one transaction (the publisher's `record`). */
  record: RecordChange;
}

/** Delivers the subscriptions' webhook rows from the outbox. */
export interface DeliveryWorker {
  start(): void;
  /** New events were committed (or deliveries replayed): look for due rows now instead of on the next poll. */
  wake(events?: StoredEvent[]): void;
  /** Stops claiming; waits for requests in flight to finish. */
  stop(): Promise<void>;
  /** The subscription's signing secret, created on first use. */
  secretOf(subscription: string): Promise<string>;
}

/** The columns of a claimed delivery the worker reads, checked. */
const DELIVERY_ROW = rowCodec('deliveries', 'id', {
  id: column.text('id'),
  eventSeq: column.integer('event_seq'),
  subscription: column.text('subscription'),
  target: column.text('target'),
  attempts: column.integer('attempts'),
  createdAt: column.integer('created_at'),
});
type DeliveryRow = ReturnType<typeof DELIVERY_ROW.read>;

/**
 * Delivers webhook rows from the outbox through the one outbox worker: at least once, per-subscription
 * concurrency, exponential backoff with jitter, `Retry-After` honoured, dead-lettered after the last attempt (a
 * `DeliveryDeadLettered` event in the same transaction), every attempt a `delivery_attempts` row.
 */
export function createDeliveryWorker(
  deps: DeliveryWorkerDeps,
  options: DeliveryWorkerOptions = DEFAULT_DELIVERY_OPTIONS,
): DeliveryWorker {
  const db = () => deliveryDb(deps.store.db);
  const subscriptionOf = (name: string) => deps.current().org.subscriptions.find((s) => s.metadata.name === name);

  async function secretOf(subscription: string): Promise<string> {
    const find = () =>
      db()
        .selectFrom('subscription_secrets')
        .select('secret')
        .where('subscription', '=', subscription)
        .executeTakeFirst();
    const row = await find();
    if (row) return row.secret;
    await db()
      .insertInto('subscription_secrets')
      .values({ subscription, secret: newWebhookSecret(), created_at: deps.clock.now().toISOString() })
      .onConflict((oc) => oc.column('subscription').doNothing())
      .execute();
    return (await find())!.secret;
  }

  const worker = createOutboxWorker<DeliveryRow>(
    {
      table: 'deliveries',
      what: 'webhook delivery',
      read: (row) => DELIVERY_ROW.read(row),
      limits(row) {
        const delivery = subscriptionOf(row.subscription)?.spec.delivery;
        return {
          key: row.subscription,
          concurrency: delivery?.concurrency ?? options.concurrency,
          maxAttempts: delivery?.maxAttempts ?? options.maxAttempts,
          timeoutMs: delivery?.timeoutMs ?? options.timeoutMs,
        };
      },
      async request(row, limits) {
        const event = await deps.store.events.get(row.eventSeq);
        if (!event)
          return { verdict: 'dead', statusCode: null, error: `event ${row.eventSeq} is no longer in the log` };
        return {
          url: row.target,
          id: row.id,
          body: JSON.stringify(toStructuredCloudEvent(event)),
          secret: await secretOf(row.subscription),
          timeoutMs: limits.timeoutMs,
        };
      },
      async recordAttempt(tx, row, attempt) {
        await deliveryDb(tx.db)
          .insertInto('delivery_attempts')
          .values({
            id: newId(),
            delivery_id: row.id,
            attempt: attempt.number,
            started_at: attempt.startedAt,
            duration_ms: attempt.finishedAt - attempt.startedAt,
            status_code: attempt.statusCode,
            outcome: attempt.outcome,
            error: attempt.error,
          })
          .execute();
      },
      deadLettered: (row, attempt) => [
        deadLetterEvent(row, attempt, subscriptionOf(row.subscription)?.spec.cell, deps.clock),
      ],
      settled(row, attempt) {
        deps.metrics.deliveries.inc({ outcome: attempt.outcome });
        if (attempt.outcome === 'succeeded')
          deps.metrics.deliveryLatency.observe((attempt.finishedAt - row.createdAt) / 1000);
      },
    },
    { store: deps.store, clock: deps.clock, logger: deps.logger, record: deps.record },
    { pollMs: options.pollMs, maxInFlight: Number.POSITIVE_INFINITY, backoff: options.backoff },
  );

  return {
    start: () => worker.start(),
    wake: () => void worker.wake(),
    stop: () => worker.stop(),
    secretOf,
  };
}

/** A dead letter is an event too, so governance can raise a tension from it. */
function deadLetterEvent(row: DeliveryRow, attempt: Attempt, cell: string | undefined, clock: Clock): CloudEvent {
  return celloEvent(DeliveryDeadLettered, {
    id: `dead-letter-${row.id}-${attempt.number}`,
    subject: `subscription:${row.subscription}`,
    time: clock.now(),
    data: {
      delivery: row.id,
      subscription: row.subscription,
      cell,
      eventSeq: row.eventSeq,
      target: row.target,
      attempts: attempt.number,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
    },
  });
}

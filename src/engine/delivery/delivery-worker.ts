import { toStructuredCloudEvent, type CloudEvent, type StoredEvent } from '../../model/index.js';
import { newId, newWebhookSecret, type Clock, type Logger } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import type { Metrics } from '../metrics.js';
import type { OrgView } from '../org-view.js';
import { compileBackoff, nextRetryDelay, type BackoffOptions } from './backoff.js';
import { deliveryDb } from './delivery-tables.js';
import { postWebhook } from './post-webhook.js';

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
  /** Appends Cello's own events (dead letters); goes through the publisher so they are routed too. */
  emit(events: CloudEvent[]): Promise<unknown>;
}

type DeliveryRow = {
  id: string;
  event_seq: number;
  subscription: string;
  target: string;
  attempts: number;
  created_at: number;
};

/**
 * Delivers webhook rows from the outbox: at least once, per-subscription concurrency, exponential
 * backoff with jitter, `Retry-After` honoured, dead-lettered after the last attempt. A row is claimed
 * by a conditional update, so several processes may share one store; a claim that outlives its lease
 * (a crash mid-request) returns to pending.
 */
export function createDeliveryWorker(
  deps: DeliveryWorkerDeps,
  options: DeliveryWorkerOptions = DEFAULT_DELIVERY_OPTIONS,
) {
  const inFlight = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let scanning = false;
  let rescan = false;

  const db = () => deliveryDb(deps.store.db);

  function limits(subscription: string) {
    const manifest = deps.current().org.subscriptions.find((s) => s.metadata.name === subscription);
    return {
      maxAttempts: manifest?.spec.delivery?.maxAttempts ?? options.maxAttempts,
      concurrency: manifest?.spec.delivery?.concurrency ?? options.concurrency,
      timeoutMs: manifest?.spec.delivery?.timeoutMs ?? options.timeoutMs,
    };
  }

  /** The subscription's signing secret, created on first use. */
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

  /** Claims whose lease ran out belong to a process that died mid-request: deliver them again. */
  async function releaseLapsedClaims(): Promise<void> {
    const now = deps.clock.now().getTime();
    await db()
      .updateTable('deliveries')
      .set({ status: 'pending', updated_at: now })
      .where('status', '=', 'in_flight')
      .where('next_attempt_at', '<=', now)
      .execute();
  }

  /** Finds due rows and starts as many as the concurrency limits allow. */
  async function scan(): Promise<void> {
    if (stopped) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = true;
    try {
      const now = deps.clock.now().getTime();
      const due = await db()
        .selectFrom('deliveries')
        .select(['id', 'event_seq', 'subscription', 'target', 'attempts', 'created_at'])
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(256)
        .execute();
      for (const row of due) {
        const limit = limits(row.subscription);
        if ((inFlight.get(row.subscription) ?? 0) >= limit.concurrency) continue;
        const claimed = await db()
          .updateTable('deliveries')
          .set({
            status: 'in_flight',
            attempts: row.attempts + 1,
            next_attempt_at: now + limit.timeoutMs + 30_000,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        inFlight.set(row.subscription, (inFlight.get(row.subscription) ?? 0) + 1);
        const task: Promise<void> = attempt(
          { ...row, event_seq: Number(row.event_seq), attempts: row.attempts + 1 },
          limit,
        )
          .catch((error: unknown) =>
            deps.logger.error({ err: error, delivery: row.id }, 'recording a delivery attempt failed'),
          )
          .finally(() => {
            inFlight.set(row.subscription, (inFlight.get(row.subscription) ?? 1) - 1);
            running.delete(task);
            void scan();
          });
        running.add(task);
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'scanning the delivery outbox failed; retrying on the next poll');
    } finally {
      scanning = false;
      if (rescan) {
        rescan = false;
        void scan();
      }
    }
  }

  async function attempt(row: DeliveryRow, limit: { maxAttempts: number; timeoutMs: number }): Promise<void> {
    const started = deps.clock.now();
    const event = await deps.store.events.get(row.event_seq);
    const { verdict, statusCode, error, retryAfterMs } = event
      ? await postWebhook(
          {
            url: row.target,
            id: row.id,
            body: JSON.stringify(toStructuredCloudEvent(event)),
            secret: await secretOf(row.subscription),
            timeoutMs: limit.timeoutMs,
          },
          deps.clock,
        )
      : {
          verdict: 'dead' as const,
          statusCode: null,
          error: `event ${row.event_seq} is no longer in the log`,
          retryAfterMs: undefined,
        };
    const finished = deps.clock.now();
    const outcome =
      verdict === 'deliver' ? 'succeeded' : verdict === 'retry' && row.attempts < limit.maxAttempts ? 'retry' : 'dead';
    const nextAt = finished.getTime() + (retryAfterMs ?? nextRetryDelay(row.attempts, options.backoff));
    await deps.store.transaction(async (tx) => {
      await deliveryDb(tx.db)
        .insertInto('delivery_attempts')
        .values({
          id: newId(),
          delivery_id: row.id,
          attempt: row.attempts,
          started_at: started.getTime(),
          duration_ms: finished.getTime() - started.getTime(),
          status_code: statusCode,
          outcome,
          error,
        })
        .execute();
      await deliveryDb(tx.db)
        .updateTable('deliveries')
        .set({
          status: outcome === 'succeeded' ? 'succeeded' : outcome === 'dead' ? 'dead' : 'pending',
          next_attempt_at: outcome === 'retry' ? nextAt : finished.getTime(),
          last_status_code: statusCode,
          last_error: error,
          updated_at: finished.getTime(),
          completed_at: outcome === 'retry' ? null : finished.getTime(),
        })
        .where('id', '=', row.id)
        .execute();
    });
    deps.metrics.deliveries.inc({ outcome });
    if (outcome === 'succeeded') deps.metrics.deliveryLatency.observe((finished.getTime() - row.created_at) / 1000);
    if (outcome === 'dead') await deadLettered(row, statusCode, error);
  }

  /** A dead letter is an event too, so governance can raise a tension from it. */
  async function deadLettered(row: DeliveryRow, statusCode: number | null, error: string | null): Promise<void> {
    const manifest = deps.current().org.subscriptions.find((s) => s.metadata.name === row.subscription);
    await deps.emit([
      {
        specversion: '1.0',
        id: `dead-letter-${row.id}-${row.attempts}`,
        source: '/cello/deliveries',
        type: 'dev.cello.delivery.dead-lettered',
        subject: `subscription:${row.subscription}`,
        time: deps.clock.now().toISOString(),
        datacontenttype: 'application/json',
        data: {
          delivery: row.id,
          subscription: row.subscription,
          cell: manifest?.spec.cell,
          eventSeq: row.event_seq,
          target: row.target,
          attempts: row.attempts,
          lastStatusCode: statusCode,
          lastError: error,
        },
      },
    ]);
  }

  return {
    start(): void {
      stopped = false;
      const poll = () =>
        void releaseLapsedClaims()
          .then(scan)
          .catch((error: unknown) =>
            deps.logger.error({ err: error }, 'releasing lapsed delivery claims failed; retrying on the next poll'),
          );
      poll();
      timer = setInterval(poll, options.pollMs);
      timer.unref();
    },
    /** New events were committed: look for new rows now instead of on the next poll. */
    wake(_events?: StoredEvent[]): void {
      void scan();
    },
    /** Stops claiming; waits for requests in flight to finish. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running]);
    },
    secretOf,
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

import type { Selectable } from 'kysely';
import type { AttemptView, DeliveryStatus, DeliveryView } from '../../model/index.js';
import { InputError, type Clock } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import type { SubscriptionRouter } from '../routing/subscription-router.js';
import { deliveryDb, type DeliveriesTable } from './delivery-tables.js';
import { isWebhookMatch, outboxRow } from './outbox-row.js';

export type { AttemptView, DeliveryView } from '../../model/index.js';

function deliveryView(r: Selectable<DeliveriesTable>): DeliveryView {
  return {
    id: r.id,
    eventSeq: Number(r.event_seq),
    subscription: r.subscription,
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? new Date(Number(r.next_attempt_at)).toISOString() : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at).toISOString(),
  };
}

/** Which deliveries to list, newest first. */
export interface DeliveryFilter {
  subscriptions?: string[];
  status?: DeliveryStatus[];
  /** Dead letters and deliveries whose last attempt failed. */
  failed?: boolean;
  /** Only deliveries older than this one (the cursor of the previous page). */
  afterId?: string;
  limit: number;
}

/** Reading the outbox and putting deliveries back in it: what the API and `cello deliveries` use. */
export interface DeliveryAdmin {
  list(filter: DeliveryFilter): Promise<DeliveryView[]>;
  /** One delivery; undefined when there is none with this id. */
  get(id: string): Promise<DeliveryView | undefined>;
  /** Every attempt of a delivery, first first. */
  attempts(deliveryId: string): Promise<AttemptView[]>;
  /** Puts a subscription's dead letters back in the outbox; returns how many. */
  replayDeadLetters(subscription: string): Promise<number>;
  /** Routes the log again from `fromSeq` and queues a new delivery per webhook match; returns how many. */
  replayFrom(fromSeq: number, options?: { subscriptions?: string[]; limit?: number }): Promise<number>;
}

/** Reading the outbox and putting deliveries back in it. */
export function createDeliveryAdmin(deps: {
  store: Store;
  clock: Clock;
  router: () => SubscriptionRouter;
}): DeliveryAdmin {
  const db = () => deliveryDb(deps.store.db);

  return {
    async list(filter) {
      let query = db().selectFrom('deliveries').selectAll().orderBy('id', 'desc').limit(filter.limit);
      if (filter.subscriptions)
        query = query.where('subscription', 'in', filter.subscriptions.length ? filter.subscriptions : ['\u0000']);
      if (filter.status?.length) query = query.where('status', 'in', filter.status);
      if (filter.failed)
        query = query.where((eb) => eb.or([eb('status', '=', 'dead'), eb('last_error', 'is not', null)]));
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return (await query.execute()).map(deliveryView);
    },

    /** One delivery; undefined when there is none with this id. */
    async get(id: string): Promise<DeliveryView | undefined> {
      const row = await db().selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row && deliveryView(row);
    },

    async attempts(deliveryId: string): Promise<AttemptView[]> {
      const rows = await db()
        .selectFrom('delivery_attempts')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('attempt')
        .execute();
      return rows.map((r) => ({
        attempt: r.attempt,
        startedAt: new Date(r.started_at).toISOString(),
        durationMs: r.duration_ms,
        statusCode: r.status_code,
        outcome: r.outcome,
        error: r.error,
      }));
    },

    /** Puts a subscription's dead letters back in the outbox; returns how many. */
    async replayDeadLetters(subscription: string): Promise<number> {
      const now = deps.clock.now();
      const result = await db()
        .updateTable('deliveries')
        .set({
          status: 'pending',
          attempts: 0,
          next_attempt_at: now.getTime(),
          updated_at: now.getTime(),
          completed_at: null,
        })
        .where('subscription', '=', subscription)
        .where('status', '=', 'dead')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Routes the log again from `fromSeq` and queues a new delivery per webhook match (optionally for some subscriptions only). */
    async replayFrom(fromSeq: number, options: { subscriptions?: string[]; limit?: number } = {}): Promise<number> {
      if (!Number.isInteger(fromSeq) || fromSeq < 1) {
        throw new InputError(`--from must be an event sequence number of 1 or more, not "${fromSeq}".`, {
          field: 'from',
        });
      }
      const last = await deps.store.events.lastSeq();
      if (fromSeq > last) {
        throw new InputError(
          `The log ends at event #${last}; --from ${fromSeq} is past it. Use a sequence number from \`cello deliveries\` or \`cello tail --after 0\`.`,
          {
            field: 'from',
          },
        );
      }
      const router = deps.router();
      let queued = 0;
      for await (const batch of deps.store.events.scan({ afterSeq: fromSeq - 1, batchSize: 500 })) {
        const now = deps.clock.now();
        // A delivery still pending or in flight is on its way: replaying it would send the event twice.
        const waiting = new Set(
          (
            await db()
              .selectFrom('deliveries')
              .select(['event_seq', 'subscription', 'action_index'])
              .where('event_seq', '>=', batch[0]!.seq)
              .where('event_seq', '<=', batch[batch.length - 1]!.seq)
              .where('status', 'in', ['pending', 'in_flight'])
              .execute()
          ).map((d) => `${d.event_seq}/${d.subscription}/${d.action_index}`),
        );
        const rows = batch.flatMap((event) =>
          router
            .route(event)
            .filter(isWebhookMatch)
            .filter((m) => !options.subscriptions || options.subscriptions.includes(m.subscription))
            .filter((m) => !waiting.has(`${event.seq}/${m.subscription}/${m.actionIndex}`))
            .map((m) => outboxRow(event.seq, m, now)),
        );
        if (rows.length > 0) await db().insertInto('deliveries').values(rows).execute();
        queued += rows.length;
        if (options.limit && queued >= options.limit) break;
      }
      return queued;
    },
  };
}

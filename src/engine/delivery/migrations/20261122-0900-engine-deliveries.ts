import { sql } from 'kysely';
import type { StoreMigration } from '../../../store/index.js';
import { DELIVERY_STATUSES } from '../../../model/index.js';

/**
 * The delivery outbox: deliveries, their attempts, and each subscription's signing secret. Stores created before
 * the engine owned these tables got them from the store's core migration, with the same columns and indexes:
 * everything here is `if not exists`, so such a store migrates without error and keeps its rows.
 */
export const engineDeliveries: StoreMigration = {
  name: '20261122-0900-engine-deliveries',
  async up(db, c) {
    await db.schema
      .createTable('subscription_secrets')
      .ifNotExists()
      .addColumn('subscription', c.key, (col) => col.primaryKey())
      .addColumn('secret', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();

    const statuses = sql.join(DELIVERY_STATUSES.map((s) => sql.lit(s)));
    await db.schema
      .createTable('deliveries')
      .ifNotExists()
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('event_seq', c.bigint, (col) => col.notNull().references('events.seq'))
      .addColumn('subscription', c.key, (col) => col.notNull())
      .addColumn('action_index', 'integer', (col) => col.notNull())
      .addColumn('target', 'text', (col) => col.notNull())
      .addColumn('status', c.key, (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', c.bigint, (col) => col.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .addColumn('completed_at', c.bigint)
      .addCheckConstraint('deliveries_status_check', sql`status in (${statuses})`)
      .execute();
    // Workers claim what is due: status = 'pending' AND next_attempt_at <= now, oldest first.
    await db.schema
      .createIndex('deliveries_due')
      .ifNotExists()
      .on('deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    // `cello deliveries --subscription X [--failed]` and the per-subscription concurrency limit.
    await db.schema
      .createIndex('deliveries_subscription')
      .ifNotExists()
      .on('deliveries')
      .columns(['subscription', 'status'])
      .execute();
    // An event's deliveries, for the dashboard and `cello replay --from`.
    await db.schema.createIndex('deliveries_event').ifNotExists().on('deliveries').column('event_seq').execute();

    await db.schema
      .createTable('delivery_attempts')
      .ifNotExists()
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('delivery_id', c.key, (col) => col.notNull().references('deliveries.id'))
      .addColumn('attempt', 'integer', (col) => col.notNull())
      .addColumn('started_at', c.bigint, (col) => col.notNull())
      .addColumn('duration_ms', 'integer', (col) => col.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('outcome', c.key, (col) => col.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createIndex('delivery_attempts_delivery')
      .ifNotExists()
      .unique()
      .on('delivery_attempts')
      .columns(['delivery_id', 'attempt'])
      .execute();
  },
};

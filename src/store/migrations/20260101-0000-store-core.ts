import { sql } from 'kysely';
import { DELIVERY_STATUSES } from '../tables.js';
import type { StoreMigration } from './migration.js';

/** The log, manifests, tokens and the delivery outbox. Sorts before every other module's migration. */
export const storeCore: StoreMigration = {
  name: '20260101-0000-store-core',
  async up(db, c) {
    // `seq` is the SQLite rowid (an `integer primary key`), numbered by the log itself on PostgreSQL.
    await db.schema
      .createTable('events')
      .addColumn('seq', c.bigint, (col) => col.primaryKey())
      .addColumn('id', c.key, (col) => col.notNull())
      .addColumn('source', c.key, (col) => col.notNull())
      .addColumn('type', c.key, (col) => col.notNull())
      .addColumn('subject', c.key)
      .addColumn('time', 'text')
      .addColumn('time_ms', c.bigint, (col) => col.notNull())
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .addColumn('datacontenttype', 'text')
      .addColumn('dataschema', 'text')
      .addColumn('data', 'text')
      .addColumn('data_base64', 'text')
      .addColumn('extensions', 'text')
      .addColumn('publisher', c.key)
      .execute();
    // The idempotency key.
    await db.schema.createIndex('events_source_id').unique().on('events').columns(['source', 'id']).execute();
    // Subscriptions, `cello tail --type` and insights read one type (or a prefix range) in log order.
    await db.schema.createIndex('events_type_seq').on('events').columns(['type', 'seq']).execute();
    // A case's history: every event about one subject, in log order.
    await db.schema.createIndex('events_subject_seq').on('events').columns(['subject', 'seq']).execute();
    // Time-range queries (`GET /v1/events?from=…&to=…`, SLO windows).
    await db.schema.createIndex('events_time').on('events').column('time_ms').execute();

    await db.schema
      .createTable('manifest_versions')
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('name', c.key, (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('manifest', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .addColumn('applied_at', 'text', (col) => col.notNull())
      .addColumn('removed', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('manifest_versions_pk', ['kind', 'name', 'version'])
      .execute();
    await db.schema
      .createTable('manifest_heads')
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('name', c.key, (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('removed', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('manifest_heads_pk', ['kind', 'name'])
      .execute();

    await db.schema
      .createTable('tokens')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('hash', c.key, (col) => col.notNull().unique())
      .addColumn('cell', c.key)
      .addColumn('member', 'text')
      .addColumn('admin', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('label', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('subscription_secrets')
      .addColumn('subscription', c.key, (col) => col.primaryKey())
      .addColumn('secret', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();

    const statuses = sql.join(DELIVERY_STATUSES.map((s) => sql.lit(s)));
    await db.schema
      .createTable('deliveries')
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
    await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
    // `cello deliveries --subscription X [--failed]` and the per-subscription concurrency limit.
    await db.schema
      .createIndex('deliveries_subscription')
      .on('deliveries')
      .columns(['subscription', 'status'])
      .execute();
    // An event's deliveries, for the dashboard and `cello replay --from`.
    await db.schema.createIndex('deliveries_event').on('deliveries').column('event_seq').execute();

    await db.schema
      .createTable('delivery_attempts')
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
      .unique()
      .on('delivery_attempts')
      .columns(['delivery_id', 'attempt'])
      .execute();
  },
};

import type { StoreMigration } from './migration.js';

/**
 * The log, manifests and tokens. Sorts before every other module's migration. Stores created before the engine
 * owned its delivery outbox got those tables here too; the engine's migration creates them only where missing.
 */
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
  },
};

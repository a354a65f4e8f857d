/**
 * A store created and migrated by the code before feature modules brought their own tables (the fixtures were
 * written by that code: a SQLite `.dump` and a PostgreSQL `pg_dump --inserts` of one store, with events,
 * deliveries, attempts, a secret and the workflows' cursor) migrates cleanly with today's modules and keeps its rows.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';
import { createDeliveryAdmin, deliveryDb, logConsumerDb, SubscriptionRouter } from '../../src/engine/index.js';
import { systemClock } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

/** What the old store held, read back through today's modules after migrating. */
async function expectKeptAfterMigrating(store: Store): Promise<void> {
  await store.migrate(MODULE_MIGRATIONS);
  await store.migrate(MODULE_MIGRATIONS);
  expect(await store.events.lastSeq()).toBe(3);
  const admin = createDeliveryAdmin({ store, clock: systemClock, router: () => new SubscriptionRouter([]) });
  expect((await admin.list({ limit: 10 })).map((d) => [d.id, d.status, d.attempts])).toEqual([
    ['d2', 'pending', 0],
    ['d1', 'dead', 2],
  ]);
  expect((await admin.attempts('d1')).map((a) => a.outcome)).toEqual(['retry', 'dead']);
  const secret = await deliveryDb(store.db)
    .selectFrom('subscription_secrets')
    .select('secret')
    .where('subscription', '=', 'scores')
    .executeTakeFirst();
  expect(secret?.secret).toBe('whsec_fixture');
  // The workflows' cursor moved into the log consumers, at the position it had.
  const cursors = await logConsumerDb(store.db).selectFrom('log_consumers').select(['name', 'seq']).execute();
  expect(cursors).toEqual([{ name: 'workflows', seq: 2 }]);
  // The outbox still works: a replay puts the dead letter back.
  expect(await admin.replayDeadLetters('scores')).toBe(1);
}

describe('a SQLite store migrated by the code before modules', () => {
  it('migrates with today’s modules without error and keeps its rows', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cello-upgrade-')), 'cello.db');
    const database = new Database(file);
    database.exec(fixture('store-before-modules.sqlite.sql'));
    database.close();
    const store = createSqliteStore({ file });
    try {
      await expectKeptAfterMigrating(store);
    } finally {
      await store.close();
    }
  });
});

const schema = `cello_upgrade_${process.pid}_${Date.now().toString(36)}`;
afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
  } catch {
    // No server: nothing was created.
  } finally {
    await client.end().catch(() => {});
  }
});

describeWith(await checkPostgres(), 'a PostgreSQL store migrated by the code before modules', () => {
  it('migrates with today’s modules without error and keeps its rows', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(fixture('store-before-modules.postgres.sql').replaceAll('cello_fixture', schema));
    } finally {
      await client.end();
    }
    const store = createPostgresStore({ url: POSTGRES_URL, schema, poolSize: 2 });
    try {
      await expectKeptAfterMigrating(store);
    } finally {
      await store.close();
    }
  });
});

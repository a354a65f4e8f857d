import type { Generated } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store, StoreMigration } from '../../src/store/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';

// A module's migration, written once against the column helper, as governance or workflows would bring one.
const widgets: StoreMigration = {
  name: '20261121-0600-test-widgets',
  async up(db, c) {
    await db.schema
      .createTable('test_widgets')
      .addColumn('id', c.autoIncrement.type, c.autoIncrement.build)
      .addColumn('name', c.key, (col) => col.notNull().unique())
      .addColumn('due_ms', c.bigint, (col) => col.notNull())
      .execute();
  },
};

async function widgetsWork(store: Store): Promise<void> {
  await store.migrate([widgets]);
  await store.migrate([widgets]);
  const db = store.db.withTables<{ test_widgets: { id: Generated<number>; name: string; due_ms: number } }>();
  const due = 2 ** 45; // past 32 bits: stays an exact JS number
  const inserted = await db
    .insertInto('test_widgets')
    .values([
      { name: 'a', due_ms: due },
      { name: 'b', due_ms: due + 1 },
    ])
    .returning(['id', 'due_ms'])
    .execute();
  expect(inserted).toEqual([
    { id: 1, due_ms: due },
    { id: 2, due_ms: due + 1 },
  ]);
}

describe('module migrations', () => {
  it('run on SQLite after the core tables, with auto-increment and 64-bit columns', async () => {
    const store = createSqliteStore({ memory: true });
    try {
      await widgetsWork(store);
    } finally {
      await store.close();
    }
  });
});

const schema = `cello_test_${process.pid}_${Date.now().toString(36)}_migrations`;
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

describeWith(await checkPostgres(), 'module migrations on PostgreSQL', () => {
  it('run in the store schema, with auto-increment and 64-bit columns', async () => {
    const store = createPostgresStore({ url: POSTGRES_URL, schema });
    try {
      await widgetsWork(store);
    } finally {
      await store.close();
    }
  });
});

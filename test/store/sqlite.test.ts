import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/shared/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { runStoreContract } from '../../src/store/store.contract.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'cello-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshDir = () => path.join(root, `store-${++count}`, 'nested');

runStoreContract('sqlite file', async (options) => createSqliteStore({ ...options, dataDir: freshDir() }));
runStoreContract('sqlite in memory', async (options) => createSqliteStore({ ...options, memory: true }));

describe('sqlite adapter', () => {
  it('creates <dataDir>/cello.db, in WAL mode, without an fsync per commit unless asked for one', async () => {
    const dataDir = freshDir();
    const store = createSqliteStore({ dataDir });
    try {
      await store.migrate();
      expect(existsSync(path.join(dataDir, 'cello.db'))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1); // NORMAL, the default (see ARCHITECTURE.md)
      expect(await pragma('foreign_keys')).toBe(1);
      expect(store.capabilities).toEqual({ backend: 'sqlite', sharedByProcesses: false, skipLocked: false });
    } finally {
      await store.close();
    }
    const full = createSqliteStore({ dataDir, synchronous: 'full' });
    try {
      expect(Object.values((await sql.raw('pragma synchronous').execute(full.db)).rows[0] as object)[0]).toBe(2);
    } finally {
      await full.close();
    }
  });

  it('keeps committed events and manifests when the file is opened again', async () => {
    const file = path.join(freshDir(), 'custom.db');
    const first = createSqliteStore({ file });
    await first.migrate();
    await first.events.append([
      { event: { specversion: '1.0', id: 'a', source: 's', type: 'com.acme.a', data: { n: 1 } } },
    ]);
    await first.close();

    const again = createSqliteStore({ file });
    try {
      await again.migrate();
      expect((await again.events.get(1))?.data).toEqual({ n: 1 });
      expect(
        await again.events.append([{ event: { specversion: '1.0', id: 'a', source: 's', type: 'com.acme.a' } }]),
      ).toEqual([{ seq: 1, duplicate: true }]);
    } finally {
      await again.close();
    }
  });

  it('numbers events gap-free when two connections take turns on one file', async () => {
    const file = path.join(freshDir(), 'shared.db');
    const a = createSqliteStore({ file });
    const b = createSqliteStore({ file });
    try {
      await a.migrate();
      await b.migrate();
      const seqs: number[] = [];
      for (let i = 0; i < 6; i++) {
        const store = i % 2 === 0 ? a : b;
        const [outcome] = await store.events.append([
          { event: { specversion: '1.0', id: `e${i}`, source: 's', type: 'com.acme.a' } },
        ]);
        seqs.push(outcome!.seq);
      }
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await b.events.query({ limit: 10 })).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a database migrated by a newer build, saying so', async () => {
    const store = createSqliteStore({ dataDir: freshDir() });
    try {
      await store.migrate();
      await sql`insert into cello_migrations (name, timestamp) values ('29990101-0000-future-thing', '2999-01-01T00:00:00.000Z')`.execute(
        store.db,
      );
      const migrating = store.migrate();
      await expect(migrating).rejects.toBeInstanceOf(ConflictError);
      await expect(migrating).rejects.toThrow(/29990101-0000-future-thing/);
    } finally {
      await store.close();
    }
  });
});

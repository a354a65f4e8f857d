import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { createStore, type StoreOptions } from '../create-store.js';
import type { Store } from '../ports.js';
import type { Tables } from '../tables.js';
import { SqliteKyselyDialect } from './sqlite-kysely-dialect.js';
import { createSqliteStoreDialect } from './sqlite-store-dialect.js';

export interface SqliteStoreOptions extends StoreOptions {
  /** Folder of the database file `cello.db`; created when missing. Default `.cello`. */
  dataDir?: string;
  /** The database file itself, instead of `<dataDir>/cello.db`. */
  file?: string;
  /** A private in-memory database (tests, dry runs). */
  memory?: boolean;
  /**
   * `normal` (default): WAL without an fsync per commit; an acknowledged event survives a killed process but may
   * be lost on a power cut. `full`: a commit returns after the WAL is fsynced, so it survives power loss too.
   */
  synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** What the embedded store does when not told otherwise (store/ARCHITECTURE.md documents these; a test checks). */
export const SQLITE_DEFAULTS = { synchronous: 'normal', busyTimeoutMs: 5_000 } as const;

/** The embedded store: one SQLite file in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions = {}): Store {
  const file = options.memory
    ? ':memory:'
    : path.resolve(options.file ?? path.join(options.dataDir ?? '.cello', 'cello.db'));
  if (!options.memory) mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  const synchronous = options.synchronous ?? SQLITE_DEFAULTS.synchronous;
  database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? SQLITE_DEFAULTS.busyTimeoutMs))}`);
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteKyselyDialect(database) });
  return createStore(db, createSqliteStoreDialect(database), options);
}

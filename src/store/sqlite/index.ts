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
   * `full` (default): a commit returns after the WAL is fsynced, so an acknowledged event survives power loss.
   * `normal`: survives a killed process but may lose the last commits on power loss; faster for single commits.
   */
  synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** The embedded store: one SQLite file in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions = {}): Store {
  const file = options.memory
    ? ':memory:'
    : path.resolve(options.file ?? path.join(options.dataDir ?? '.cello', 'cello.db'));
  if (!options.memory) mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000))}`);
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteKyselyDialect(database) });
  return createStore(db, createSqliteStoreDialect(database), options);
}

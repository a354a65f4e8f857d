import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { sqliteEventInserter } from './sqlite-insert-events.js';

/** SQLite's answers to the store's dialect questions, for one database connection. */
export function createSqliteStoreDialect(database: Database): StoreDialect {
  return {
    capabilities: { backend: 'sqlite', sharedByProcesses: false, skipLocked: false },
    columns: {
      // Exactly `integer`: only `integer primary key` makes a column the rowid.
      bigint: sql`integer`,
      // SQLite compares text byte by byte (BINARY collation) unless told otherwise.
      key: sql`text`,
      autoIncrement: { type: sql`integer`, build: (column) => column.primaryKey().autoIncrement() },
    },
    // Every write transaction begins IMMEDIATE, holding SQLite's single write lock until it ends.
    lockAppends: async () => {},
    insertEvents: sqliteEventInserter(database),
    isUniqueViolation: (error) => {
      const code = (error as { code?: unknown } | null)?.code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
  };
}

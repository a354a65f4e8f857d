import type { Kysely } from 'kysely';
import type { EventRow, InsertedEvent } from './event-rows.js';
import type { ColumnTypes } from './migrations/migration.js';
import type { StoreCapabilities } from './ports.js';
import type { Tables } from './tables.js';

/**
 * What an adapter (sqlite/, postgres/) hands to the shared store code: the differences between backends,
 * as data and small functions, so the repositories never ask which backend they run on.
 */
export interface StoreDialect {
  readonly capabilities: StoreCapabilities;
  /** Column spellings for migrations. */
  readonly columns: ColumnTypes;
  /** Where the migration bookkeeping tables live, on backends with schemas. */
  readonly migrationTableSchema?: string;
  /**
   * Makes appenders take turns until the current transaction ends, so seq order is commit order.
   * A no-op where every write transaction already excludes the others (SQLite's `BEGIN IMMEDIATE`).
   */
  lockAppends(tx: Kysely<Tables>): Promise<void>;
  /**
   * Inserts the rows whose (source, id) is not in the log yet, numbered max(seq) + 1, + 2… in the given order
   * with no gaps, and returns where each inserted row landed (skipped rows are absent). Called under the
   * append lock, with rows already unique by (source, id).
   */
  insertEvents(tx: Kysely<Tables>, rows: EventRow[]): Promise<InsertedEvent[]>;
  /** Whether a database error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
}

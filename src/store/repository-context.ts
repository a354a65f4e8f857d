import type { Kysely } from 'kysely';
import type { Clock } from '../shared/index.js';
import type { StoreDialect } from './store-dialect.js';
import type { Tables } from './tables.js';

/** What every repository of one store shares. */
export interface RepositoryContext {
  readonly dialect: StoreDialect;
  readonly clock: Clock;
}

/** Runs `work` in the caller's transaction, or in a new one when `db` is the root database. */
export function inTransaction<T>(db: Kysely<Tables>, work: (tx: Kysely<Tables>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

import type { Kysely } from 'kysely';
import type { Tables } from '../store/index.js';
import type { GovernanceTables } from './governance-tables.js';

/** The store's query builder, typed for the governance tables too. */
export type GovernanceDb = Kysely<Tables & GovernanceTables>;

/** Widens a store executor (the root database or a transaction) to the governance tables; same connection, no copy. */
export function governanceDb(db: Kysely<Tables>): GovernanceDb {
  return db.withTables<GovernanceTables>();
}

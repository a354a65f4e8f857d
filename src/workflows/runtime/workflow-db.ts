import type { Kysely } from 'kysely';
import type { Tables } from '../../store/index.js';
import type { WorkflowTables } from '../workflow-tables.js';

/** The store's query builder, typed with the workflow tables too. */
export type WorkflowDb = Kysely<Tables & WorkflowTables>;

/** Types `db` (the root database or a transaction) with the workflow tables; same connection, no copy. */
export function workflowDb(db: Kysely<Tables>): WorkflowDb {
  return db.withTables<WorkflowTables>();
}

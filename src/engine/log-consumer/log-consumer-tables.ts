import type { Kysely } from 'kysely';
import type { Tables } from '../../store/index.js';

/** How far each durable consumer has read the log (created by `20261122-0910-engine-log-consumers`). */
// A type alias rather than an interface, so Kysely's `withTables` accepts it.
export type LogConsumerTables = {
  log_consumers: LogConsumersTable;
};

/** One row per consumer name: the position it has processed, moved in the transaction of its effects. */
export interface LogConsumersTable {
  name: string;
  seq: number;
  /** Epoch ms of the last move. */
  updated_at: number;
}

/** The store's query builder (the root database or a transaction), typed with the consumer table too. */
export function logConsumerDb(db: Kysely<Tables>): Kysely<Tables & LogConsumerTables> {
  return db.withTables<LogConsumerTables>();
}

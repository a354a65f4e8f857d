import { sql } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { postgresInsertEvents } from './postgres-insert-events.js';

/** First key of the append lock: "CELL" in ASCII. The second is the schema's hash, so schemas do not contend. */
const APPEND_LOCK_SPACE = 0x43454c4c;

/** A stable 32-bit hash (FNV-1a) of the schema name, as a signed int4. */
function schemaLockKey(schema: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < schema.length; i++) hash = Math.imul(hash ^ schema.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** PostgreSQL's answers to the store's dialect questions, for one schema. */
export function postgresStoreDialect(schema: string): StoreDialect {
  const lockKey = schemaLockKey(schema);
  return {
    capabilities: { backend: 'postgresql', sharedByProcesses: true, skipLocked: true },
    columns: {
      bigint: sql`bigint`,
      // The "C" collation compares bytes, whatever the database's locale: prefix ranges on types stay correct.
      key: sql`text collate "C"`,
      autoIncrement: { type: sql`bigint`, build: (column) => column.generatedByDefaultAsIdentity().primaryKey() },
    },
    migrationTableSchema: schema,
    // Held until commit or rollback: appenders in every process and pool connection take turns.
    lockAppends: async (tx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(APPEND_LOCK_SPACE)}, ${sql.lit(lockKey)})`.execute(tx);
    },
    insertEvents: postgresInsertEvents,
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
  };
}

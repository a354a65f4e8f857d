import { Kysely, PostgresDialect } from 'kysely';
import { InputError } from '../../shared/index.js';
import { createStore, type StoreOptions } from '../create-store.js';
import type { Store } from '../ports.js';
import type { Tables } from '../tables.js';
import { createPostgresPool } from './postgres-pool.js';
import { postgresStoreDialect } from './postgres-store-dialect.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresStoreOptions extends StoreOptions {
  /** `postgres://user@host:5432/database`, e.g. from CELLO_DATABASE_URL. */
  url: string;
  /** The schema holding every table; created by `migrate()`. Default `public`. Tests use one per run. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
}

/** The scale-out store: PostgreSQL, shared by several `cello serve` processes. */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new InputError(
      `PostgreSQL schema name "${schema}" is not allowed; use lower-case letters, digits and underscores, starting with a letter.`,
      {
        field: 'schema',
        value: schema,
      },
    );
  }
  const pool = createPostgresPool(options.url, schema, options.poolSize ?? 10);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return createStore(db, postgresStoreDialect(schema), options);
}

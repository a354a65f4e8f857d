import type { Store } from '../store/index.js';
import { createPostgresStore } from '../store/postgres/index.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { AppConfig } from './config.js';
import { MODULE_MIGRATIONS } from './modules.js';

/**
 * The one place that chooses a store adapter: PostgreSQL when a URL is configured, else embedded SQLite. Migrated
 * with every module's tables.
 */
export async function openStore(config: Pick<AppConfig, 'dataDir' | 'databaseUrl' | 'sqliteSync'>): Promise<Store> {
  const store = config.databaseUrl
    ? await createPostgresStore({ url: config.databaseUrl })
    : await createSqliteStore({ dataDir: config.dataDir, synchronous: config.sqliteSync });
  await store.migrate(MODULE_MIGRATIONS);
  return store;
}

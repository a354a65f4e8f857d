import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { ConflictError, errorMessage } from '../../shared/index.js';
import type { StoreDialect } from '../store-dialect.js';
import type { StoreMigration } from './migration.js';
import { compareMigrationNames, planMigrations } from './migration-plan.js';

/** Names of Kysely's bookkeeping tables; never change them, or every migration runs again. */
const MIGRATION_TABLE = 'cello_migrations';
const MIGRATION_LOCK_TABLE = 'cello_migration_lock';

/**
 * Runs every migration of the store and of `modules` that has not run yet, in name order. A no-op when the schema
 * is current.
 */
export async function runMigrations(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  dialect: StoreDialect,
  modules: readonly StoreMigration[] = [],
): Promise<void> {
  const migrations = planMigrations(modules);
  // Listed in code, not read from a folder, so it works the same from src/ and from dist/.
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        migrations.map((m): [string, Migration] => [m.name, { up: (tx) => m.up(tx, dialect.columns) }]),
      ),
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(dialect.migrationTableSchema ? { migrationTableSchema: dialect.migrationTableSchema } : {}),
    nameComparator: compareMigrationNames,
    // Modules are written in parallel: a migration dated earlier may be merged after a later one has run.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (!error) return;
  const failed = results.find((r) => r.status === 'Error');
  if (failed) {
    throw new Error(`Migration "${failed.migrationName}" failed and was rolled back: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const message = errorMessage(error);
  if (message.includes('corrupted migrations')) {
    throw new ConflictError(
      `This database was migrated by a build that knows migrations this one does not (${message}); run the newer Cello, or point this one at another data directory.`,
      { known: migrations.map((m) => m.name) },
    );
  }
  throw new Error(`Migrating the database failed: ${message}`, { cause: error });
}

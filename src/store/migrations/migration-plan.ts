import { ConflictError, InputError } from '../../shared/index.js';
import type { StoreMigration } from './migration.js';
import { storeCore } from './20260101-0000-store-core.js';

const NAME = /^\d{8}-\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The store's own migrations, oldest first. Add a new one here. */
const STORE_MIGRATIONS: readonly StoreMigration[] = [storeCore];

const registered = new Map<string, StoreMigration>(STORE_MIGRATIONS.map((m) => [m.name, m]));

/**
 * Adds other modules' migrations (governance, workflows…) to what `Store.migrate()` runs. Call it once at the
 * top of the module that owns the tables: `registerMigrations(tensionsTables);`. Registering the same object
 * twice is a no-op.
 */
export function registerMigrations(...migrations: StoreMigration[]): void {
  for (const migration of migrations) {
    const known = registered.get(migration.name);
    if (known === migration) continue;
    if (known) {
      throw new ConflictError(
        `Two migrations are named "${migration.name}"; rename the newer one (names must be unique across modules).`,
        {
          name: migration.name,
        },
      );
    }
    if (!NAME.test(migration.name)) {
      throw new InputError(
        `Migration name "${migration.name}" does not have the form YYYYMMDD-HHMM-module-what (the UTC date and time it was written, e.g. 20261121-0900-governance-tensions).`,
        { name: migration.name },
      );
    }
    if (migration.name <= storeCore.name) {
      throw new InputError(
        `Migration "${migration.name}" would sort before the store's core tables (${storeCore.name}); date it when it was written.`,
        {
          name: migration.name,
        },
      );
    }
    registered.set(migration.name, migration);
  }
}

/** Every known migration in the order it runs: by name, compared code unit by code unit. */
export function registeredMigrations(): StoreMigration[] {
  return [...registered.values()].sort((a, b) => compareMigrationNames(a.name, b.name));
}

/** Orders migration names the same way on every machine (no locale rules). */
export function compareMigrationNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

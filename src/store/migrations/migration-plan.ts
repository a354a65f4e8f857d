import { ConflictError, InputError } from '../../shared/index.js';
import type { StoreMigration } from './migration.js';
import { storeCore } from './20260101-0000-store-core.js';

const NAME = /^\d{8}-\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The store's own migrations, oldest first. Add a new one here. */
const STORE_MIGRATIONS: readonly StoreMigration[] = [storeCore];

/**
 * What `Store.migrate` runs: the store's own migrations, then the ones the modules bring (src/app passes the list),
 * all by name. Refuses a name that does not have the documented form, sorts before the core, or is taken twice;
 * the same migration object listed twice counts once.
 */
export function planMigrations(modules: readonly StoreMigration[] = []): StoreMigration[] {
  const planned = new Map<string, StoreMigration>(STORE_MIGRATIONS.map((m) => [m.name, m]));
  for (const migration of modules) {
    const known = planned.get(migration.name);
    if (known === migration) continue;
    if (known) {
      throw new ConflictError(
        `Two migrations are named "${migration.name}"; rename the newer one (names must be unique across modules).`,
        { name: migration.name },
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
        { name: migration.name },
      );
    }
    planned.set(migration.name, migration);
  }
  return [...planned.values()].sort((a, b) => compareMigrationNames(a.name, b.name));
}

/** Orders migration names the same way on every machine (no locale rules). */
export function compareMigrationNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

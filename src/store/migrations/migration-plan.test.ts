import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../../shared/index.js';
import type { StoreMigration } from './migration.js';
import { registerMigrations, registeredMigrations } from './registry.js';

const migration = (name: string): StoreMigration => ({ name, up: async () => {} });

describe('registerMigrations', () => {
  it('runs the store core first, then other modules by date, whatever order they register in', () => {
    const later = migration('20261201-0900-governance-reviews');
    const earlier = migration('20261121-0900-governance-tensions');
    registerMigrations(later, earlier);
    const names = registeredMigrations().map((m) => m.name);
    expect(names[0]).toBe('20260101-0000-store-core');
    expect(names.indexOf(earlier.name)).toBeLessThan(names.indexOf(later.name));
  });

  it('accepts the same migration twice, but not two migrations with one name', () => {
    const tensions = migration('20261122-0900-governance-decisions');
    registerMigrations(tensions);
    registerMigrations(tensions);
    expect(() => registerMigrations(migration(tensions.name))).toThrow(ConflictError);
  });

  it('says how to name a migration', () => {
    expect(() => registerMigrations(migration('add-tensions'))).toThrow(/YYYYMMDD-HHMM-module-what/);
    expect(() => registerMigrations(migration('20251231-2359-engine-early'))).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../../shared/index.js';
import type { StoreMigration } from './migration.js';
import { planMigrations } from './migration-plan.js';

const migration = (name: string): StoreMigration => ({ name, up: async () => {} });

describe('planMigrations', () => {
  it('runs the store core first, then the modules’ migrations by date, whatever order they are listed in', () => {
    const later = migration('20261201-0900-governance-reviews');
    const earlier = migration('20261121-0900-governance-tensions');
    const names = planMigrations([later, earlier]).map((m) => m.name);
    expect(names).toEqual(['20260101-0000-store-core', earlier.name, later.name]);
  });

  it('runs only the store core when no module brings tables', () => {
    expect(planMigrations().map((m) => m.name)).toEqual(['20260101-0000-store-core']);
  });

  it('accepts the same migration twice, but not two migrations with one name', () => {
    const tensions = migration('20261122-0900-governance-decisions');
    expect(planMigrations([tensions, tensions])).toHaveLength(2);
    expect(() => planMigrations([tensions, migration(tensions.name)])).toThrow(ConflictError);
    expect(() => planMigrations([tensions, migration(tensions.name)])).toThrow(/rename the newer one/);
  });

  it('says how to name a migration', () => {
    expect(() => planMigrations([migration('add-tensions')])).toThrow(/YYYYMMDD-HHMM-module-what/);
    expect(() => planMigrations([migration('20251231-2359-engine-early')])).toThrow(InputError);
    expect(() => planMigrations([migration('20251231-2359-engine-early')])).toThrow(/sort before the store's core/);
  });
});

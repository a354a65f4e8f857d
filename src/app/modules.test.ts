import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../manifests/index.js';
import { planMigrations } from '../store/index.js';
import { WORKFLOW_LINT_RULES } from '../workflows/index.js';
import { LINT_RULES_OF_MODULES, MODULE_MIGRATIONS } from './modules.js';

describe('the module list', () => {
  it('brings migrations that plan cleanly after the store core: well named, each name once', () => {
    const names = planMigrations(MODULE_MIGRATIONS).map((m) => m.name);
    expect(names[0]).toBe('20260101-0000-store-core');
    expect(names).toHaveLength(MODULE_MIGRATIONS.length + 1);
  });

  it('adds the modules’ lint rules to the built-in ones, each rule id once', () => {
    const ids = LINT_RULES_OF_MODULES.map((r) => r.id);
    expect(ids).toEqual([...LINT_RULES, ...WORKFLOW_LINT_RULES].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

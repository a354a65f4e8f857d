import { engineModule, type FeatureModule } from '../engine/index.js';
import { governanceModule } from '../governance/index.js';
import { insightsModule } from '../insights/index.js';
import { LINT_RULES, type LintRule } from '../manifests/index.js';
import type { StoreMigration } from '../store/index.js';
import { workflowsModule } from '../workflows/index.js';

/** The feature modules of a Cello server, in start order: the one list the composition root wires. */
export const MODULES: readonly FeatureModule[] = [engineModule, governanceModule, workflowsModule, insightsModule];

/** Every module's migrations, for `Store.migrate` (the store adds its own). */
export const MODULE_MIGRATIONS: readonly StoreMigration[] = MODULES.flatMap((m) => m.migrations);

/** The built-in lint rules and those the modules bring: what `cello validate`, `apply` and `serve --org` run. */
export const LINT_RULES_OF_MODULES: readonly LintRule[] = [...LINT_RULES, ...MODULES.flatMap((m) => m.lintRules)];

import type { FeatureModule } from '../engine/index.js';
import { cellExperimentsMigration } from './experiments/cell-experiments-migration.js';
import { governanceMigration } from './governance-migration.js';

/** Governance as a feature module: the tension, decision, review and experiment projections. */
export const governanceModule: FeatureModule = {
  name: 'governance',
  migrations: [governanceMigration, cellExperimentsMigration],
  lintRules: [],
};

import type { FeatureModule } from '../engine/index.js';
import { recommendationsMigration } from './recommendations/recommendation-migration.js';

/** Insights as a feature module: the recommendations projection (everything else is computed from the log). */
export const insightsModule: FeatureModule = {
  name: 'insights',
  migrations: [recommendationsMigration],
  lintRules: [],
};

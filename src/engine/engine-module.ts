import { engineDeliveries } from './delivery/migrations/20261122-0900-engine-deliveries.js';
import type { FeatureModule } from './feature-module.js';

/** The engine as a feature module: the webhook delivery outbox. */
export const engineModule: FeatureModule = {
  name: 'engine',
  migrations: [engineDeliveries],
  lintRules: [],
};

import { engineDeliveries } from './delivery/migrations/20261122-0900-engine-deliveries.js';
import type { FeatureModule } from './feature-module.js';
import { engineLogConsumers } from './log-consumer/migrations/20261122-0910-engine-log-consumers.js';

/** The engine as a feature module: the webhook delivery outbox and the durable log consumers' cursors. */
export const engineModule: FeatureModule = {
  name: 'engine',
  migrations: [engineDeliveries, engineLogConsumers],
  lintRules: [],
};

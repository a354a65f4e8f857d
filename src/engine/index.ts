export * from './ingest/index.js';
export * from './delivery/backoff.js';
export { postWebhook, type WebhookOutcome, type WebhookPost } from './delivery/post-webhook.js';
export {
  createDeliveryWorker,
  DEFAULT_DELIVERY_OPTIONS,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from './delivery/delivery-worker.js';
export { deliveryDb, type DeliveryDb, type DeliveryTables } from './delivery/delivery-tables.js';
export {
  createDeliveryAdmin,
  type DeliveryAdmin,
  type DeliveryFilter,
  type DeliveryView,
  type AttemptView,
} from './delivery/delivery-admin.js';
export { EventFeed, type FeedListener } from './event-feed.js';
export { createPoller, type Poller, type PollerOptions } from './poller.js';
export {
  createLogConsumer,
  type BatchOutcome,
  type LogConsumer,
  type LogConsumerDeps,
  type LogConsumerSpec,
} from './log-consumer/log-consumer.js';
export { logConsumerDb, type LogConsumerTables } from './log-consumer/log-consumer-tables.js';
export type { RecordChange } from './publish/record-change.js';
export {
  createOutboxWorker,
  type OutboxWorker,
  type OutboxWorkerDeps,
  type OutboxWorkerOptions,
} from './outbox/outbox-worker.js';
export {
  OUTBOX_STATUSES,
  type Attempt,
  type OutboxLimits,
  type OutboxRow,
  type OutboxSpec,
  type OutboxStatus,
} from './outbox/outbox-spec.js';
export { engineModule } from './engine-module.js';
export type { FeatureModule, Service } from './feature-module.js';
export { createMetrics, type Metrics } from './metrics.js';
export { createOrgView, type OrgView } from './org-view.js';
export { createPublisher, type Publisher, type PublishOutcome } from './publish/publisher.js';
export { GroupCommit } from './publish/group-commit.js';
export { SubscriptionRouter, celEventView, type RouteMatch } from './routing/subscription-router.js';
export { createRuntime, type Runtime, type RuntimeDeps } from './runtime.js';
export { authenticate, createToken, hashToken } from './tokens.js';

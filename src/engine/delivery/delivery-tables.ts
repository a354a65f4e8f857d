import type { Generated, Kysely } from 'kysely';
import type { Tables } from '../../store/index.js';
import type { DeliveryStatus } from '../../model/index.js';

/**
 * The engine's delivery outbox (created by `20261122-0900-engine-deliveries`). Same conventions as the store:
 * times the system schedules or measures are epoch ms; `created_at` of a secret is RFC 3339 text.
 */
// A type alias rather than an interface, so Kysely's `withTables` accepts it.
export type DeliveryTables = {
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  subscription_secrets: SubscriptionSecretsTable;
};

/** One row per (event, subscription action) to carry out. */
export interface DeliveriesTable {
  id: string;
  event_seq: number;
  /** The subscription's name. */
  subscription: string;
  /** Which of the subscription's actions this row carries out. */
  action_index: number;
  /** The webhook URL (or the emitted type) the action targets. */
  target: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  /** When a pending row is due; for an in-flight row, when its claim lapses and another worker may take it. */
  next_attempt_at: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

/** Every attempt at a delivery, kept for `cello deliveries` and the dashboard. */
export interface DeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  /** 1 for the first attempt. */
  attempt: number;
  started_at: number;
  duration_ms: number;
  status_code: number | null;
  /** What the attempt led to: `succeeded`, `retry` or `dead`. */
  outcome: string;
  error: string | null;
}

/** The signing secret of each subscription's webhooks. */
export interface SubscriptionSecretsTable {
  subscription: string;
  secret: string;
  created_at: string;
}

/** The store's query builder (the root database or a transaction), typed with the delivery tables too. */
export type DeliveryDb = Kysely<Tables & DeliveryTables>;

/** Widens a store executor to the delivery tables; same connection, no copy. */
export function deliveryDb(db: Kysely<Tables>): DeliveryDb {
  return db.withTables<DeliveryTables>();
}

import { DELIVERY_STATUSES, type CloudEvent, type DeliveryStatus } from '../../model/index.js';
import type { Repositories } from '../../store/index.js';
import type { WebhookOutcome, WebhookPost } from '../delivery/post-webhook.js';

/** Where an outbox row stands (what the API shows of a delivery); `dead` ones are the dead letters. */
export const OUTBOX_STATUSES = DELIVERY_STATUSES;
export type OutboxStatus = DeliveryStatus;

/**
 * The columns every outbox table has (beside its own payload): `id`, `status`, `attempts`, `next_attempt_at`
 * (when a pending row is due; for an in-flight row, when its claim's lease lapses), `updated_at`,
 * `last_status_code`, `last_error`, `completed_at`, all times in epoch ms.
 */
export interface OutboxRow {
  id: string;
  /** Attempts made, this one included once claimed. */
  attempts: number;
}

/** What one claimed row may do: its concurrency key and limit, its attempts and its timeout. */
export interface OutboxLimits {
  /** Rows of one key are sent at most `concurrency` at a time by one worker (a subscription, a workflow). */
  key: string;
  concurrency: number;
  maxAttempts: number;
  timeoutMs: number;
}

/** One finished attempt, as it is recorded. */
export interface Attempt {
  /** 1 for the first attempt. */
  number: number;
  startedAt: number;
  finishedAt: number;
  outcome: 'succeeded' | 'retry' | 'dead';
  statusCode: number | null;
  error: string | null;
  /** When a retried row is due again. */
  nextAttemptAt: number;
}

/** What a table's outbox needs beyond the common claim, lease, backoff and recording. */
export interface OutboxSpec<Row extends OutboxRow> {
  /** The outbox table. */
  table: string;
  /** What a row is, for log lines: `webhook delivery`. */
  what: string;
  /** Reads (and checks) a claimed row, all columns selected. */
  read(row: Readonly<Record<string, unknown>>): Row;
  limits(row: Row): OutboxLimits;
  /** The request to send, or the outcome when there is nothing to send (the event left the log). */
  request(row: Row, limits: OutboxLimits): Promise<WebhookPost | WebhookOutcome>;
  /** Records the attempt beside the row, in the transaction that settles it (`delivery_attempts`). */
  recordAttempt?(tx: Repositories, row: Row, attempt: Attempt): Promise<void>;
  /** The events a dead letter appends, in the same transaction: what governance raises a tension from. */
  deadLettered(row: Row, attempt: Attempt): CloudEvent[];
  /** Called once the attempt is committed (metrics). */
  settled?(row: Row, attempt: Attempt): void;
}

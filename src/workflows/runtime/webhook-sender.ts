import { celloEvent, workflowSource, WorkflowWebhookDeadLettered, type CloudEvent } from '../../model/index.js';
import { newWebhookSecret, type Clock, type Logger } from '../../shared/index.js';
import { column, rowCodec, type Repositories, type Store } from '../../store/index.js';
import { createOutboxWorker, type Attempt, type OutboxWorker } from '../../engine/index.js';
import { instanceEventId } from './transition-events.js';
import { workflowDb } from './workflow-db.js';

export interface WebhookSenderOptions {
  maxAttempts: number;
  timeoutMs: number;
  /** Calls in flight at once, over all workflows. */
  concurrency: number;
  pollMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookSenderOptions = {
  maxAttempts: 8,
  timeoutMs: 10_000,
  concurrency: 8,
  pollMs: 500,
};

interface Deps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Runs a state change and appends the events that record it, in one transaction. */
  record<T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>): Promise<T>;
}

/** Sends the webhook calls workflow steps put in their outbox. */
export interface WebhookSender extends OutboxWorker {
  /** The signing secret of a workflow's webhook calls, created on first use. */
  secretOf(workflow: string): Promise<string>;
}

/** The columns of a claimed call the sender reads, checked. */
const WEBHOOK_ROW = rowCodec('workflow_webhooks', 'id', {
  id: column.text('id'),
  workflow: column.text('workflow'),
  instanceId: column.text('instance_id'),
  step: column.text('step'),
  url: column.text('url'),
  body: column.text('body'),
  attempts: column.integer('attempts'),
});
type WebhookRow = ReturnType<typeof WEBHOOK_ROW.read>;

/**
 * Sends the webhook calls steps put in the outbox, through the one outbox worker: at least once, signed (Standard
 * Webhooks) with the workflow's secret, with an `idempotency-key` header that is the same on every attempt,
 * retried with backoff and jitter, dead-lettered (and recorded as an event) after the last attempt.
 */
export function createWebhookSender(
  deps: Deps,
  options: WebhookSenderOptions = DEFAULT_WEBHOOK_OPTIONS,
): WebhookSender {
  const db = () => workflowDb(deps.store.db);

  async function secretOf(workflow: string): Promise<string> {
    const find = () =>
      db().selectFrom('workflow_secrets').select('secret').where('workflow', '=', workflow).executeTakeFirst();
    const row = await find();
    if (row) return row.secret;
    await db()
      .insertInto('workflow_secrets')
      .values({ workflow, secret: newWebhookSecret(), created_at: deps.clock.now().getTime() })
      .onConflict((oc) => oc.column('workflow').doNothing())
      .execute();
    return (await find())!.secret;
  }

  const worker = createOutboxWorker<WebhookRow>(
    {
      table: 'workflow_webhooks',
      what: 'workflow webhook',
      read: (row) => WEBHOOK_ROW.read(row),
      // The limit is over all workflows: one key.
      limits: () => ({
        key: 'workflows',
        concurrency: options.concurrency,
        maxAttempts: options.maxAttempts,
        timeoutMs: options.timeoutMs,
      }),
      request: async (row, limits) => ({
        url: row.url,
        id: row.id,
        body: row.body,
        secret: await secretOf(row.workflow),
        timeoutMs: limits.timeoutMs,
        headers: { 'idempotency-key': row.id },
      }),
      deadLettered: (row, attempt) => [webhookDeadLettered(row, attempt)],
    },
    deps,
    { pollMs: options.pollMs, maxInFlight: options.concurrency },
  );
  return { ...worker, secretOf };
}

function webhookDeadLettered(row: WebhookRow, attempt: Attempt): CloudEvent {
  return celloEvent(WorkflowWebhookDeadLettered, {
    id: instanceEventId(row.instanceId, 'webhook-dead', row.id),
    source: workflowSource(row.workflow),
    subject: `workflow:${row.workflow}`,
    time: new Date(attempt.finishedAt),
    data: {
      webhook: row.id,
      workflow: row.workflow,
      instance: row.instanceId,
      step: row.step,
      url: row.url,
      attempts: attempt.number,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
    },
    extensions: { workflow: row.workflow, instance: row.instanceId },
  });
}

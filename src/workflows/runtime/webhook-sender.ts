import { celloEvent, workflowSource, WorkflowWebhookDeadLettered, type CloudEvent } from '../../model/index.js';
import { newWebhookSecret, type Clock, type Logger } from '../../shared/index.js';
import type { Repositories, Store } from '../../store/index.js';
import { nextRetryDelay, postWebhook } from '../../engine/index.js';
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

/**
 * Sends the webhook calls steps put in the outbox: at least once, signed (Standard Webhooks) with the
 * workflow's secret, with an `idempotency-key` header that is the same on every attempt, retried with
 * backoff and jitter, dead-lettered (and recorded as an event) after the last attempt.
 */
export function createWebhookSender(deps: Deps, options: WebhookSenderOptions = DEFAULT_WEBHOOK_OPTIONS) {
  const db = () => workflowDb(deps.store.db);
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let scanning: Promise<void> | undefined;
  let again = false;

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

  // A store only this process uses (SQLite): every claim found at start-up belongs to a process that died mid-call.
  let reclaimAll = !deps.store.capabilities.sharedByProcesses;

  async function scan(): Promise<void> {
    const now = deps.clock.now().getTime();
    // A claim that outlived its lease belongs to a process that died mid-call: send it again.
    let reclaim = db()
      .updateTable('workflow_webhooks')
      .set({ status: 'pending', next_attempt_at: now, updated_at: now })
      .where('status', '=', 'in_flight');
    if (!reclaimAll) reclaim = reclaim.where('next_attempt_at', '<=', now);
    await reclaim.execute();
    reclaimAll = false;
    const free = options.concurrency - running.size;
    if (free <= 0) return;
    const due = await db()
      .selectFrom('workflow_webhooks')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(free)
      .execute();
    for (const row of due) {
      const claimed = await db()
        .updateTable('workflow_webhooks')
        .set({
          status: 'in_flight',
          attempts: row.attempts + 1,
          next_attempt_at: now + options.timeoutMs + 30_000,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const task: Promise<void> = attempt({ ...row, attempts: row.attempts + 1 })
        .catch((error: unknown) =>
          deps.logger.error({ err: error, webhook: row.id }, 'recording a workflow webhook attempt failed'),
        )
        .finally(() => {
          running.delete(task);
          if (!stopped) wake();
        });
      running.add(task);
    }
  }

  async function attempt(row: {
    id: string;
    workflow: string;
    instance_id: string;
    step: string;
    url: string;
    body: string;
    attempts: number;
  }): Promise<void> {
    const { verdict, statusCode, error, retryAfterMs } = await postWebhook(
      {
        url: row.url,
        id: row.id,
        body: row.body,
        secret: await secretOf(row.workflow),
        timeoutMs: options.timeoutMs,
        headers: { 'idempotency-key': row.id },
      },
      deps.clock,
    );
    const finished = deps.clock.now().getTime();
    const status =
      verdict === 'deliver'
        ? 'succeeded'
        : verdict === 'retry' && row.attempts < options.maxAttempts
          ? 'pending'
          : 'dead';
    await deps.record(async (tx) => {
      await workflowDb(tx.db)
        .updateTable('workflow_webhooks')
        .set({
          status,
          next_attempt_at: status === 'pending' ? finished + (retryAfterMs ?? nextRetryDelay(row.attempts)) : finished,
          last_status_code: statusCode,
          last_error: error,
          updated_at: finished,
          completed_at: status === 'pending' ? null : finished,
        })
        .where('id', '=', row.id)
        .execute();
      const events: CloudEvent[] =
        status === 'dead'
          ? [
              celloEvent(WorkflowWebhookDeadLettered, {
                id: instanceEventId(row.instance_id, 'webhook-dead', row.id),
                source: workflowSource(row.workflow),
                subject: `workflow:${row.workflow}`,
                time: new Date(finished),
                data: {
                  webhook: row.id,
                  workflow: row.workflow,
                  instance: row.instance_id,
                  step: row.step,
                  url: row.url,
                  attempts: row.attempts,
                  lastStatusCode: statusCode,
                  lastError: error,
                },
                extensions: { workflow: row.workflow, instance: row.instance_id },
              }),
            ]
          : [];
      return { result: undefined, events };
    });
  }

  /** Looks for due calls now; calls made while a scan runs are picked up by the next one. */
  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = scan()
      .catch((error: unknown) =>
        deps.logger.error({ err: error }, 'scanning the workflow webhook outbox failed; retrying on the next poll'),
      )
      .finally(() => {
        scanning = undefined;
        if (again) {
          again = false;
          void wake();
        }
      });
    return scanning;
  }

  return {
    start(): void {
      stopped = false;
      timer = setInterval(() => void wake(), options.pollMs);
      timer.unref();
      void wake();
    },
    wake,
    /** Resolves when the outbox has nothing due and nothing in flight (tests, benchmarks). */
    async settle(): Promise<void> {
      for (let i = 0; i < 1000 && (scanning || running.size > 0); i++) {
        await scanning;
        await Promise.allSettled([...running]);
      }
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await scanning;
      await Promise.allSettled([...running]);
    },
    secretOf,
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;

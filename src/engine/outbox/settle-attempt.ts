import { sql } from 'kysely';
import type { Clock } from '../../shared/index.js';
import { nextRetryDelay, type BackoffOptions } from '../delivery/backoff.js';
import { postWebhook } from '../delivery/post-webhook.js';
import type { RecordChange } from '../publish/record-change.js';
import type { Attempt, OutboxLimits, OutboxRow, OutboxSpec } from './outbox-spec.js';

/**
 * Sends one claimed row and settles it in one transaction: the row's new status (delivered, due again after a
 * backoff with full jitter or the receiver's `Retry-After`, or dead after its last attempt), the spec's record of
 * the attempt, and the events a dead letter appends. Returns the attempt as recorded.
 */
export async function settleAttempt<Row extends OutboxRow>(
  spec: OutboxSpec<Row>,
  deps: { clock: Clock; record: RecordChange; backoff: BackoffOptions },
  row: Row,
  limits: OutboxLimits,
): Promise<Attempt> {
  const startedAt = deps.clock.now().getTime();
  const request = await spec.request(row, limits);
  const { verdict, statusCode, error, retryAfterMs } =
    'url' in request ? await postWebhook(request, deps.clock) : request;
  const finishedAt = deps.clock.now().getTime();
  const outcome =
    verdict === 'deliver' ? 'succeeded' : verdict === 'retry' && row.attempts < limits.maxAttempts ? 'retry' : 'dead';
  const attempt: Attempt = {
    number: row.attempts,
    startedAt,
    finishedAt,
    outcome,
    statusCode,
    error,
    nextAttemptAt: finishedAt + (retryAfterMs ?? nextRetryDelay(row.attempts, deps.backoff)),
  };
  const status = outcome === 'succeeded' ? 'succeeded' : outcome === 'dead' ? 'dead' : 'pending';
  await deps.record(async (tx) => {
    await sql`update ${sql.table(spec.table)}
      set status = ${status}, next_attempt_at = ${outcome === 'retry' ? attempt.nextAttemptAt : finishedAt},
        last_status_code = ${statusCode}, last_error = ${error}, updated_at = ${finishedAt},
        completed_at = ${outcome === 'retry' ? null : finishedAt}
      where id = ${row.id}`.execute(tx.db);
    await spec.recordAttempt?.(tx, row, attempt);
    return { result: undefined, events: outcome === 'dead' ? spec.deadLettered(row, attempt) : [] };
  });
  spec.settled?.(row, attempt);
  return attempt;
}

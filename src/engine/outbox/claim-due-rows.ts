import { sql } from 'kysely';
import type { Repositories, Store } from '../../store/index.js';
import type { OutboxLimits, OutboxRow, OutboxSpec } from './outbox-spec.js';

/** A claim's lease beyond the request's own timeout: time to record the attempt before another worker may retry. */
const LEASE_GRACE_MS = 30_000;

/** A place in a worker's concurrency limits, taken for a row before it is claimed. */
export interface Slot {
  limits: OutboxLimits;
  /** Gives the place back: the claim failed, or the attempt is settled. Once; later calls do nothing. */
  release(): void;
}

/**
 * Claims up to `limit` due rows of an outbox, oldest first, each for a slot `reserve` grants (the worker's
 * per-key and total concurrency); a slot whose claim fails is released. A claim sets the row `in_flight`, counts
 * the attempt, and leases the row until its timeout plus a grace period: a process that dies holding it lets the
 * lease lapse.
 *
 * Where several processes share the store (`capabilities.skipLocked`), due rows are read `FOR UPDATE SKIP LOCKED`
 * in one transaction that also claims them: workers never wait on each other's rows and never claim one twice.
 * Where one process writes at a time (SQLite), a conditional update per row (`… where status = 'pending'`) is the
 * whole claim.
 */
export async function claimDueRows<Row extends OutboxRow>(
  store: Store,
  spec: OutboxSpec<Row>,
  now: number,
  limit: number,
  reserve: (row: Row) => Slot | undefined,
): Promise<{ row: Row; slot: Slot }[]> {
  if (limit <= 0) return [];
  const table = sql.table(spec.table);
  const claim = async (db: Repositories['db'], rows: Row[]) => {
    const claimed: { row: Row; slot: Slot }[] = [];
    for (const row of rows) {
      const slot = reserve(row);
      if (!slot) continue;
      const { numAffectedRows } = await sql`update ${table}
        set status = 'in_flight', attempts = attempts + 1,
          next_attempt_at = ${now + slot.limits.timeoutMs + LEASE_GRACE_MS}, updated_at = ${now}
        where id = ${row.id} and status = 'pending'`.execute(db);
      if (Number(numAffectedRows) === 1) claimed.push({ row: { ...row, attempts: row.attempts + 1 }, slot });
      else slot.release();
    }
    return claimed;
  };
  if (store.capabilities.skipLocked) {
    return store.transaction(async (tx) => {
      const { rows } = await sql<Record<string, unknown>>`select * from ${table}
        where status = 'pending' and next_attempt_at <= ${now}
        order by next_attempt_at limit ${limit} for update skip locked`.execute(tx.db);
      return claim(
        tx.db,
        rows.map((r) => spec.read(r)),
      );
    });
  }
  const { rows } = await sql<Record<string, unknown>>`select * from ${table}
    where status = 'pending' and next_attempt_at <= ${now}
    order by next_attempt_at limit ${limit}`.execute(store.db);
  return claim(
    store.db,
    rows.map((r) => spec.read(r)),
  );
}

/**
 * Makes claims whose lease lapsed pending again, due now: the process that held them died mid-request. With
 * `all`, every claim (on a store only this process writes, at start-up: any claim left is a dead process's).
 */
export async function releaseLapsedClaims(store: Store, table: string, now: number, all = false): Promise<void> {
  const lapsed = all ? sql`status = 'in_flight'` : sql`status = 'in_flight' and next_attempt_at <= ${now}`;
  await sql`update ${sql.table(table)} set status = 'pending', next_attempt_at = ${now}, updated_at = ${now}
    where ${lapsed}`.execute(store.db);
}

import { sql } from 'kysely';
import type { Repositories, Store } from '../../store/index.js';
import { logConsumerDb } from './log-consumer-tables.js';

/** Reads a consumer's stored position, creating its row at `initial` the first time the consumer runs. */
export async function ensureCursor(
  store: Store,
  name: string,
  initial: () => Promise<number>,
  now: number,
): Promise<number> {
  const db = logConsumerDb(store.db);
  const read = () => db.selectFrom('log_consumers').select('seq').where('name', '=', name).executeTakeFirst();
  const row = await read();
  if (row) return Number(row.seq);
  await db
    .insertInto('log_consumers')
    .values({ name, seq: await initial(), updated_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return Number((await read())!.seq);
}

/**
 * Takes a consumer's cursor for the rest of the transaction and returns its position; undefined when another
 * instance holds it. Where several processes share the store (`skipLocked`), the row is read `FOR UPDATE SKIP
 * LOCKED`: the holder's batch excludes every other instance's until it commits, and an instance that finds it
 * locked goes on with other work instead of waiting on a connection. On SQLite the write transaction itself
 * excludes every other writer.
 */
export async function lockCursor(store: Store, tx: Repositories, name: string): Promise<number | undefined> {
  const lock = store.capabilities.skipLocked ? sql` for update skip locked` : sql``;
  const { rows } = await sql<{
    seq: number | string;
  }>`select seq from log_consumers where name = ${name}${lock}`.execute(tx.db);
  return rows[0] === undefined ? undefined : Number(rows[0].seq);
}

/** Moves the cursor (under the lock of {@link lockCursor}, in the transaction of the batch's effects). */
export async function moveCursor(tx: Repositories, name: string, seq: number, now: number): Promise<void> {
  await logConsumerDb(tx.db)
    .updateTable('log_consumers')
    .set({ seq, updated_at: now })
    .where('name', '=', name)
    .execute();
}

/**
 * Stores a position reached by skipping events the consumer does not read, outside any batch: only forward, so a
 * batch another instance committed meanwhile is never undone.
 */
export async function storeSkippedPosition(store: Store, name: string, seq: number, now: number): Promise<void> {
  await logConsumerDb(store.db)
    .updateTable('log_consumers')
    .set({ seq, updated_at: now })
    .where('name', '=', name)
    .where('seq', '<', seq)
    .execute();
}

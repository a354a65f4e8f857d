import type { Database, Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { EVENT_COLUMNS, type EventRow, type InsertedEvent } from '../event-rows.js';
import type { Tables } from '../tables.js';

const INSERT = `insert into events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')}) on conflict (source, id) do nothing`;

/**
 * Inserts events with one prepared single-row statement per event, run synchronously on the connection the
 * caller's transaction holds. In-process there is no round trip for a multi-row statement to save, and a looped
 * prepared INSERT is the fastest way into SQLite; `changes` and `lastInsertRowid` tell per row whether it was
 * stored and where. SQLite numbers the rows itself: `seq` is the rowid, a new rowid is max(rowid) + 1, a
 * conflicting row takes none and a rolled-back one gives its number back, so the log stays gap-free.
 */
export function sqliteEventInserter(
  database: Database,
): (tx: Kysely<Tables>, rows: EventRow[]) => Promise<InsertedEvent[]> {
  let insert: Statement | undefined;
  return async (tx, rows) => {
    // Safe only while the caller's transaction holds SQLite's one connection: nothing else can run in between.
    if (!tx.isTransaction) throw new Error('Events are inserted only inside the append transaction.');
    insert ??= database.prepare(INSERT);
    const inserted: InsertedEvent[] = [];
    const parameters: unknown[] = new Array(EVENT_COLUMNS.length);
    for (const row of rows) {
      for (let i = 0; i < EVENT_COLUMNS.length; i++) parameters[i] = row[EVENT_COLUMNS[i]!];
      const { changes, lastInsertRowid } = insert.run(parameters);
      if (changes === 1) inserted.push({ seq: Number(lastInsertRowid), source: row.source, id: row.id });
    }
    return inserted;
  };
}

import { sql, type Kysely } from 'kysely';
import type { AppendInput, AppendOutcome } from './ports.js';
import { toEventRow, type EventRow } from './event-rows.js';
import { inTransaction, type RepositoryContext } from './repository-context.js';
import type { Tables } from './tables.js';

const LOOKUP_CHUNK = 256;

/** Identifies (source, id) without a separator that could also occur inside either. */
function eventKey(source: string, id: string): string {
  return `${source.length}:${source}${id}`;
}

/**
 * Appends a batch in one transaction: the first occurrence of each (source, id) is stored, every later one,
 * in this batch or in the log already, is a duplicate carrying the stored event's seq.
 */
export async function appendEvents(
  db: Kysely<Tables>,
  inputs: AppendInput[],
  context: RepositoryContext,
): Promise<AppendOutcome[]> {
  if (inputs.length === 0) return [];
  const now = context.clock.now();
  const recordedAt = now.toISOString();
  const keys = inputs.map(({ event }) => eventKey(event.source, event.id));
  const firstOf = new Map<string, number>();
  const rows: EventRow[] = [];
  keys.forEach((key, index) => {
    if (firstOf.has(key)) return;
    firstOf.set(key, index);
    // Validates (time) before any lock is taken.
    rows.push(toEventRow(inputs[index]!, recordedAt, now.getTime()));
  });

  const { inserted, existing } = await inTransaction(db, async (tx) => {
    await context.dialect.lockAppends(tx);
    const inserted = new Map<string, number>();
    for (const row of await context.dialect.insertEvents(tx, rows)) inserted.set(eventKey(row.source, row.id), row.seq);
    const missing =
      inserted.size < rows.length ? rows.filter((row) => !inserted.has(eventKey(row.source, row.id))) : [];
    return { inserted, existing: missing.length > 0 ? await findSeqs(tx, missing) : new Map<string, number>() };
  });

  return keys.map((key, index) => {
    const seq = inserted.get(key);
    if (seq !== undefined) return { seq, duplicate: firstOf.get(key) !== index };
    return { seq: existing.get(key)!, duplicate: true };
  });
}

/** The seq of events already in the log, by (source, id): one index lookup per pair, whatever the planner's mood. */
async function findSeqs(tx: Kysely<Tables>, rows: EventRow[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) {
    const pairs = sql.join(rows.slice(start, start + LOOKUP_CHUNK).map((r) => sql`(${r.source}, ${r.id})`));
    const { rows: hits } = await sql<{ source: string; id: string; seq: number | null }>`
      select v.column1 as source, v.column2 as id,
        (select e.seq from events as e where e.source = v.column1 and e.id = v.column2 limit 1) as seq
      from (values ${pairs}) as v`.execute(tx);
    for (const hit of hits) if (hit.seq !== null) found.set(eventKey(hit.source, hit.id), hit.seq);
  }
  return found;
}

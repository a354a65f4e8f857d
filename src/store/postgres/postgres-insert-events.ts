import { CompiledQuery, type Kysely } from 'kysely';
import { EVENT_COLUMNS, type EventRow, type InsertedEvent } from '../event-rows.js';
import type { Tables } from '../tables.js';

const columns = EVENT_COLUMNS.join(', ');
const arrays = EVENT_COLUMNS.map((c, i) => `$${i + 1}::${c === 'time_ms' ? 'bigint' : 'text'}[]`).join(', ');

/**
 * The log numbers the rows: max(seq) + their position among the rows not in the log yet. One statement for any
 * batch size: each column travels as one array parameter. The scalar subquery (not NOT EXISTS) keeps the
 * duplicate check an index lookup per row; the planner may otherwise hash the whole table.
 * Correct only under the append lock: nobody else can take the same numbers or commit a lower one later.
 */
const INSERT = `insert into events (seq, ${columns})
  select head.seq + row_number() over (order by v.ordinal), ${EVENT_COLUMNS.map((c) => `v.${c}`).join(', ')}
  from unnest(${arrays}) with ordinality as v(${columns}, ordinal)
  cross join (select coalesce(max(seq), 0) as seq from events) as head
  where (select e.seq from events as e where e.source = v.source and e.id = v.id limit 1) is null
  on conflict (source, id) do nothing
  returning seq, source, id`;

/** PostgreSQL sequences skip numbers on rollback and on conflicting rows, so the log counts for itself. */
export async function postgresInsertEvents(tx: Kysely<Tables>, rows: EventRow[]): Promise<InsertedEvent[]> {
  const parameters = EVENT_COLUMNS.map((column) => rows.map((row) => row[column]));
  const result = await tx.executeQuery<InsertedEvent>(CompiledQuery.raw(INSERT, parameters));
  return result.rows;
}

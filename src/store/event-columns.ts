import { CompiledQuery, sql, type AliasedRawBuilder, type Kysely } from 'kysely';
import { InputError } from '../shared/index.js';
import { matchTypes } from './event-query.js';
import type { EventColumnsQuery, EventColumnsRow } from './ports.js';
import type { Tables } from './tables.js';

const DEFAULT_BATCH = 10_000;
const WHOLE_COLUMNS = ['id', 'source', 'time', 'data'] as const;
/** A value no seq can take, compiled in place of the cursor and then replaced batch by batch. */
const CURSOR = -0.5;

/**
 * A query whose SQL starts with this comment asks the driver for rows as arrays (in select order) rather than
 * objects, where the driver can (better-sqlite3's raw mode); others ignore the comment and return objects.
 */
export const ROWS_AS_ARRAYS = '/* cello:rows-as-arrays */ ';

/**
 * Streams chosen columns of the log, one bounded query per batch resumed by seq (the primary key), so memory
 * stays at one batch and no cursor holds a lock. Optional columns are selected only when asked for, and a
 * `CASE` keeps them null on the rows that do not need them: the database, not JavaScript, skips the bytes.
 */
export async function* scanEventColumns(
  db: Kysely<Tables>,
  query: EventColumnsQuery = {},
): AsyncGenerator<EventColumnsRow[]> {
  const batchSize = query.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(
      `The column scan batch size ${String(batchSize)} is not a positive whole number; ask for at least 1 row.`,
      { field: 'batchSize' },
    );
  }
  const extras = optionalColumns(query);
  // The SQL is compiled once per scan; each batch only moves the cursor (the parameter compiled from CURSOR).
  let select = db
    .selectFrom('events')
    .select(['seq', 'type', 'subject', 'time_ms'])
    .select(publisherColumn(query.publisher === false, extras.length > 0) as never[])
    .select(extras as never[])
    .where('seq', '>', CURSOR);
  if (query.types && query.types.length > 0) {
    const types = query.types;
    select = select.where((eb) => matchTypes(eb, types));
  }
  if (query.fromMs !== undefined) select = select.where('time_ms', '>=', query.fromMs);
  if (query.toMs !== undefined) select = select.where('time_ms', '<', query.toMs);
  const compiled = select.orderBy('seq').limit(batchSize).compile();
  const text = ROWS_AS_ARRAYS + compiled.sql;
  const parameters = [...compiled.parameters];
  const cursor = parameters.indexOf(CURSOR);
  parameters[cursor] = query.afterSeq ?? 0;
  for (;;) {
    // A copy per batch: Kysely freezes the parameters it is handed.
    const result = await db.executeQuery<unknown>(CompiledQuery.raw(text, [...parameters]));
    const rows =
      result.rows.length > 0 && !Array.isArray(result.rows[0])
        ? result.rows.map((row) => Object.values(row as object))
        : result.rows;
    const batch = rows as EventColumnsRow[];
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    parameters[cursor] = batch[batch.length - 1]![0];
  }
}

/** The publisher slot: the column, a null literal when skipped but later slots follow, nothing when skipped at the end. */
function publisherColumn(skip: boolean, more: boolean): AliasedRawBuilder<unknown, string>[] {
  if (!skip) return [sql`publisher`.as('publisher')];
  return more ? [sql`null`.as('publisher')] : [];
}

/** The extension slot and the whole-row slots, in tuple order; slots not asked for are null literals. */
function optionalColumns(query: EventColumnsQuery): AliasedRawBuilder<unknown, string>[] {
  const whole =
    query.whole === true || (Array.isArray(query.whole) && query.whole.length > 0) ? query.whole : undefined;
  if (!query.extensions && !whole) return [];
  const columns: AliasedRawBuilder<unknown, string>[] = [];
  if (query.extensions === 'all') columns.push(sql`extensions`.as('extensions'));
  else if (query.extensions === 'without-subject')
    columns.push(sql`case when subject is null then extensions end`.as('extensions'));
  else columns.push(sql`null`.as('extensions'));
  if (whole === true) {
    for (const column of WHOLE_COLUMNS) columns.push(sql`${sql.ref(column)}`.as(column));
  } else if (whole) {
    const types = sql.join(whole);
    for (const column of WHOLE_COLUMNS)
      columns.push(sql`case when type in (${types}) then ${sql.ref(column)} end`.as(column));
  }
  return columns;
}

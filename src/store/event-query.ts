import type { ExpressionBuilder, Kysely } from 'kysely';
import type { StoredEvent } from '../model/index.js';
import { InputError } from '../shared/index.js';
import type { EventQuery } from './ports.js';
import { fromEventRow, parseTimestamp } from './event-rows.js';
import type { Tables } from './tables.js';

type EventsExpressions = ExpressionBuilder<Tables, 'events'>;

/** Events matching every given filter, oldest first, at most `limit`. */
export async function queryEvents(db: Kysely<Tables>, query: EventQuery): Promise<StoredEvent[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new InputError(
      `The event query limit ${String(query.limit)} is not a positive whole number; ask for at least 1 event.`,
      {
        field: 'limit',
      },
    );
  }
  let select = db.selectFrom('events').selectAll();
  if (query.types && query.types.length > 0) {
    const types = query.types;
    select = select.where((eb) => matchTypes(eb, types));
  }
  if (query.source !== undefined) select = select.where('source', '=', query.source);
  if (query.subject !== undefined) select = select.where('subject', '=', query.subject);
  if (query.from !== undefined)
    select = select.where('time_ms', '>=', parseTimestamp(query.from, 'from', 'The event query'));
  if (query.to !== undefined) select = select.where('time_ms', '<', parseTimestamp(query.to, 'to', 'The event query'));
  if (query.afterSeq !== undefined) select = select.where('seq', '>', query.afterSeq);
  const rows = await select.orderBy('seq').limit(query.limit).execute();
  return rows.map(fromEventRow);
}

/**
 * Exact types, and prefixes written `com.acme.risk.*`. A prefix becomes a range on the (type, seq) index:
 * `type >= 'com.acme.risk.' AND type < 'com.acme.risk/'` (byte order; see ColumnTypes.key). `*` alone matches all.
 */
export function matchTypes(eb: EventsExpressions, types: string[]) {
  const isPrefix = (t: string) => t.endsWith('.*') || t === '*';
  const exact = types.filter((t) => !isPrefix(t));
  const prefixes = types.filter(isPrefix).map((t) => t.slice(0, -1));
  if (prefixes.includes('')) return eb.lit(true);
  const ranges = prefixes.map((prefix) => eb.and([eb('type', '>=', prefix), eb('type', '<', prefixEnd(prefix))]));
  return eb.or([...(exact.length > 0 ? [eb('type', 'in', exact)] : []), ...ranges]);
}

/** The smallest string greater than every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

import type { Kysely } from 'kysely';
import type { StoredEvent } from '../model/index.js';
import type { EventLog } from './ports.js';
import { appendEvents } from './event-append.js';
import { scanEventColumns } from './event-columns.js';
import { fromEventRow } from './event-rows.js';
import { queryEvents } from './event-query.js';
import type { RepositoryContext } from './repository-context.js';
import type { Tables } from './tables.js';

const DEFAULT_SCAN_BATCH = 500;

/** The event log over one executor: the root database or a transaction. */
export function createEventLog(db: Kysely<Tables>, context: RepositoryContext): EventLog {
  return {
    append: (inputs) => appendEvents(db, inputs, context),
    query: (query) => queryEvents(db, query),
    async get(seq) {
      const row = await db.selectFrom('events').selectAll().where('seq', '=', seq).executeTakeFirst();
      return row && fromEventRow(row);
    },
    async lastSeq() {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      return row?.seq ?? 0;
    },
    async *scan(options = {}): AsyncGenerator<StoredEvent[]> {
      const batchSize = options.batchSize ?? DEFAULT_SCAN_BATCH;
      let afterSeq = options.afterSeq ?? 0;
      // One bounded query per batch, resumed by seq: memory stays at one batch and no cursor holds a lock.
      for (;;) {
        const batch = await queryEvents(db, {
          afterSeq,
          limit: batchSize,
          ...(options.types ? { types: options.types } : {}),
        });
        if (batch.length > 0) yield batch;
        if (batch.length < batchSize) return;
        afterSeq = batch[batch.length - 1]!.seq;
      }
    },
    scanColumns: (query) => scanEventColumns(db, query),
  };
}

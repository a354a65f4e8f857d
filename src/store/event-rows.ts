import type { Selectable } from 'kysely';
import { timestampMs, type ExtensionValue, type StoredEvent } from '../model/index.js';
import { InputError } from '../shared/index.js';
import type { AppendInput } from './ports.js';
import type { EventsTable } from './tables.js';

/** An events row as the store writes it; seq is assigned when it is inserted. */
export type EventRow = Omit<Selectable<EventsTable>, 'seq'>;

/** The columns of an EventRow, in the order inserts list them. */
export const EVENT_COLUMNS = [
  'id',
  'source',
  'type',
  'subject',
  'time',
  'time_ms',
  'recorded_at',
  'datacontenttype',
  'dataschema',
  'data',
  'data_base64',
  'extensions',
  'publisher',
] as const satisfies readonly (keyof EventRow)[];

/** Where an inserted row landed. */
export interface InsertedEvent {
  seq: number;
  source: string;
  id: string;
}

/** Epoch ms of an RFC 3339 timestamp; `field` names it in the error. */
export function parseTimestamp(value: string, field: string, where: string): number {
  // Strict RFC 3339 first (it knows leap seconds); query bounds may also be looser forms Date.parse reads.
  const ms = timestampMs(value) ?? Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${where} has ${field} "${value}", which is not an RFC 3339 timestamp; write it like 2026-01-05T09:00:00Z.`,
      {
        field,
        value,
      },
    );
  }
  return ms;
}

/** The row for one event; JSON is serialized here, once. */
export function toEventRow({ event, publisher }: AppendInput, recordedAt: string, recordedMs: number): EventRow {
  const extensions =
    event.extensions && Object.keys(event.extensions).length > 0 ? JSON.stringify(event.extensions) : null;
  return {
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject ?? null,
    time: event.time ?? null,
    time_ms:
      event.time === undefined
        ? recordedMs
        : parseTimestamp(event.time, 'time', `Event "${event.id}" from "${event.source}"`),
    recorded_at: recordedAt,
    datacontenttype: event.datacontenttype ?? null,
    dataschema: event.dataschema ?? null,
    data: event.data === undefined ? null : JSON.stringify(event.data),
    data_base64: event.dataBase64 ?? null,
    extensions,
    publisher: publisher ?? null,
  };
}

/** The event a row holds; absent attributes stay absent (no `undefined` keys). JSON is parsed here, once. */
export function fromEventRow(row: Selectable<EventsTable>): StoredEvent {
  // Rows were validated when appended; the log is trusted inside the process.
  const event: StoredEvent = {
    specversion: '1.0',
    id: row.id,
    source: row.source,
    type: row.type,
    seq: row.seq,
    recordedAt: row.recorded_at,
  };
  if (row.subject !== null) event.subject = row.subject;
  if (row.time !== null) event.time = row.time;
  if (row.datacontenttype !== null) event.datacontenttype = row.datacontenttype;
  if (row.dataschema !== null) event.dataschema = row.dataschema;
  if (row.data !== null) event.data = JSON.parse(row.data) as unknown;
  if (row.data_base64 !== null) event.dataBase64 = row.data_base64;
  if (row.extensions !== null) event.extensions = JSON.parse(row.extensions) as Record<string, ExtensionValue>;
  return event;
}

import { newId } from '../../shared/isomorphic.js';
import type { CloudEvent, ExtensionValue } from '../cloud-event.js';
import { CATALOG, type CelloEventType, type EventData } from './catalog.js';

/** Per type: `source` required where the catalogue has a pattern to fill in, else taken from the catalogue. */
type SourceField = {
  [T in CelloEventType]: (typeof CATALOG)[T]['source'] extends `${string}{${string}}${string}`
    ? { source: string }
    : { source?: never };
};

/**
 * What a producer gives for one of Cello's events: `data` of the catalogue's shape, and `source` exactly where the
 * catalogue has a pattern to fill in (`/cello/workflows/{workflow}`); a fixed source comes from the catalogue.
 */
export type CelloEventFields<T extends CelloEventType> = {
  data: EventData<T>;
  time: Date;
  subject?: string;
  /** Default: a new time-ordered id. A deterministic one keeps an event recorded twice to one (source, id). */
  id?: string;
  extensions?: Record<string, ExtensionValue>;
} & SourceField[T];

/** A CloudEvent of one of Cello's own types, its data typed by the catalogue's schema. */
export function celloEvent<T extends CelloEventType>(type: T, fields: CelloEventFields<T>): CloudEvent {
  return {
    specversion: '1.0',
    id: fields.id ?? newId(),
    source: fields.source ?? CATALOG[type].source,
    type,
    ...(fields.subject !== undefined ? { subject: fields.subject } : {}),
    time: fields.time.toISOString(),
    datacontenttype: 'application/json',
    data: fields.data,
    ...(fields.extensions ? { extensions: fields.extensions } : {}),
  };
}

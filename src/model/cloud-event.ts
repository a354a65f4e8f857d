import { Type, type Static } from '@sinclair/typebox';

/** Attribute values a CloudEvents extension may carry once decoded. */
export type ExtensionValue = string | number | boolean;

/**
 * A CloudEvents 1.0 event, normalized: context attributes as fields, extensions in their own map,
 * data either decoded JSON/text (`data`) or binary (`dataBase64`).
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  /** RFC 3339, as the producer sent it. */
  time?: string;
  datacontenttype?: string;
  dataschema?: string;
  data?: unknown;
  dataBase64?: string;
  extensions?: Record<string, ExtensionValue>;
}

/** An event as the log holds it: its position and when the server committed it. */
export interface StoredEvent extends CloudEvent {
  /** Position in the log: strictly increasing, no gaps within one store. */
  seq: number;
  /** When the server committed it (RFC 3339, UTC). */
  recordedAt: string;
}

/** The time to use for an event: its own `time`, else when it was recorded. */
export function eventTime(event: Pick<StoredEvent, 'time' | 'recordedAt'>): string {
  return event.time ?? event.recordedAt;
}

/** A CloudEvent in the JSON event format (structured mode): extensions are further top-level attributes. */
export const StructuredCloudEvent = Type.Object(
  {
    specversion: Type.String(),
    id: Type.String(),
    source: Type.String(),
    type: Type.String(),
    subject: Type.Optional(Type.String()),
    time: Type.Optional(Type.String()),
    datacontenttype: Type.Optional(Type.String()),
    dataschema: Type.Optional(Type.String()),
    data: Type.Optional(Type.Unknown()),
    data_base64: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'a structured-mode CloudEvent; extensions are further attributes' },
);
export type StructuredCloudEvent = Static<typeof StructuredCloudEvent>;

/** The JSON event format of `event` (structured mode): extensions at the top level, binary data as `data_base64`. */
export function toStructuredCloudEvent(event: CloudEvent): StructuredCloudEvent {
  const json: StructuredCloudEvent = {
    specversion: event.specversion,
    id: event.id,
    source: event.source,
    type: event.type,
  };
  if (event.subject !== undefined) json.subject = event.subject;
  if (event.time !== undefined) json.time = event.time;
  if (event.datacontenttype !== undefined) json.datacontenttype = event.datacontenttype;
  if (event.dataschema !== undefined) json.dataschema = event.dataschema;
  if (event.extensions) Object.assign(json, event.extensions);
  if (event.data !== undefined) json.data = event.data;
  if (event.dataBase64 !== undefined) json.data_base64 = event.dataBase64;
  return json;
}

/**
 * Events carrying the `simulation` extension (written by `cello simulate`, or any import of past activity) are
 * history: stored and mined, never routed to subscriptions or run by workflows.
 */
export function isHistory(event: Pick<CloudEvent, 'extensions'>): boolean {
  return event.extensions?.simulation !== undefined;
}

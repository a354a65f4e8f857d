/** The log over HTTP: publish CloudEvents, read the log, follow it live. */
import { Type, type Static } from '@sinclair/typebox';
import { StructuredCloudEvent } from '../cloud-event.js';
import { ErrorResponse } from './error-response.js';
import { defineRoute } from './route-definition.js';

/** One event as the log and the stream send it: the structured CloudEvent (extensions at the top) and its position. */
export const LoggedEvent = Type.Object(
  {
    seq: Type.Integer({ description: 'position in the log' }),
    recordedat: Type.Optional(Type.String({ description: 'when the server committed it (GET /v1/events)' })),
    ...StructuredCloudEvent.properties,
  },
  { additionalProperties: true, description: 'a structured-mode CloudEvent and its position in the log' },
);
export type LoggedEvent = Static<typeof LoggedEvent>;

/** What the server acknowledged: every event is durably stored once the answer comes. */
export const PublishReceipt = Type.Object({
  accepted: Type.Integer(),
  events: Type.Array(
    Type.Object({ id: Type.String(), source: Type.String(), seq: Type.Integer(), duplicate: Type.Boolean() }),
  ),
});
export type PublishReceipt = Static<typeof PublishReceipt>;

/** The catalogue of Cello's own event types, as `GET /v1/events/catalog` answers it. */
export const EventCatalogResponse = Type.Object({
  events: Type.Array(
    Type.Object({
      type: Type.String(),
      description: Type.String(),
      source: Type.String({ description: 'the source, or its pattern with a {placeholder}' }),
      subject: Type.String({ description: 'what the subject holds' }),
      dataSchema: Type.Object({}, { additionalProperties: true, description: 'the JSON Schema of data' }),
    }),
  ),
});

export const EVENT_ROUTES = {
  publish: defineRoute({
    method: 'POST',
    url: '/v1/events',
    summary: 'Publish CloudEvents (binary, structured or batch mode)',
    description:
      'Binary mode: ce-* headers and the data as body. Structured: application/cloudevents+json. Batch: application/cloudevents-batch+json (all or nothing). Acknowledged with 202 only once durably committed; idempotent on (source, id).',
    tags: ['events'],
    consumes: ['application/cloudevents+json', 'application/cloudevents-batch+json', '*/*'],
    response: { 202: PublishReceipt, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse },
  }),
  list: defineRoute({
    method: 'GET',
    url: '/v1/events',
    summary: 'Read the log, oldest first, with filters and a cursor',
    tags: ['events'],
    querystring: Type.Object({
      type: Type.Optional(
        Type.String({ description: 'exact type, or a prefix ending in .* ; comma-separated for several' }),
      ),
      source: Type.Optional(Type.String()),
      subject: Type.Optional(Type.String()),
      from: Type.Optional(Type.String({ format: 'date-time', description: 'event time at or after (RFC 3339)' })),
      to: Type.Optional(Type.String({ format: 'date-time', description: 'event time before (RFC 3339)' })),
      after: Type.Optional(Type.Integer({ minimum: 0, description: 'cursor: only events after this sequence number' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    }),
    response: {
      200: Type.Object({ events: Type.Array(LoggedEvent), next: Type.Union([Type.Integer(), Type.Null()]) }),
      400: ErrorResponse,
    },
  }),
  stream: defineRoute({
    method: 'GET',
    url: '/v1/events/stream',
    summary: 'Live events as Server-Sent Events, resumable with Last-Event-ID',
    description:
      'One `message` per event, its `id:` the sequence number and its data a LoggedEvent. Resumable: Last-Event-ID (or `after`) replays what was missed from the log before going live.',
    tags: ['events'],
    querystring: Type.Object({
      type: Type.Optional(Type.String({ description: 'exact types or prefixes (.*), comma-separated' })),
      subject: Type.Optional(Type.String()),
      after: Type.Optional(
        Type.Integer({ minimum: 0, description: 'start after this sequence number (default: now)' }),
      ),
      access_token: Type.Optional(Type.String({ description: 'for EventSource clients, which cannot send headers' })),
    }),
    produces: ['text/event-stream'],
    response: { 200: Type.String({ description: 'Server-Sent Events' }) },
  }),
  catalog: defineRoute({
    method: 'GET',
    url: '/v1/events/catalog',
    summary: "Cello's own event types, with the schema of their data",
    description:
      'Every event type Cello itself emits, so cells can subscribe to them; `cello schema --events` prints the same as AsyncAPI.',
    tags: ['events'],
    response: { 200: EventCatalogResponse },
  }),
};

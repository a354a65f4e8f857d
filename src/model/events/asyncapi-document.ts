import { catalogEntries, type CatalogEntry } from './catalog.js';

/**
 * An AsyncAPI 3.0.0 document of Cello's own events, built from the catalogue: one channel and one message per type
 * (the channel's address is the type), the payload the CloudEvents envelope with that type's data schema, and one
 * `send` operation each, since Cello is the sender.
 */
export function celloEventsAsyncApi(options: { version: string }): Record<string, unknown> {
  const entries = catalogEntries();
  const ref = (path: string) => ({ $ref: `#/${path}` });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Cello events',
      version: options.version,
      description:
        'The events Cello itself records in its log (types under its reserved prefix). Cells subscribe to them like any other signal; GET /v1/events/catalog lists the same catalogue.',
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(
      entries.map((e) => [
        e.type,
        {
          address: e.type,
          title: e.type,
          description: e.description,
          messages: { [e.type]: ref(`components/messages/${e.type}`) },
        },
      ]),
    ),
    operations: Object.fromEntries(
      entries.map((e) => [
        e.type,
        {
          action: 'send',
          summary: e.description,
          channel: ref(`channels/${e.type}`),
          messages: [ref(`channels/${e.type}/messages/${e.type}`)],
        },
      ]),
    ),
    components: {
      messages: Object.fromEntries(entries.map((e) => [e.type, message(e)])),
    },
  };
}

/** The message of one type: a CloudEvent (structured JSON) whose `data` follows the type's schema. */
function message(entry: CatalogEntry): Record<string, unknown> {
  return {
    name: entry.type,
    title: entry.type,
    summary: entry.description,
    contentType: 'application/cloudevents+json',
    payload: {
      type: 'object',
      required: ['specversion', 'id', 'source', 'type', 'time', 'data'],
      properties: {
        specversion: { const: '1.0' },
        id: { type: 'string' },
        source: { type: 'string', description: entry.source },
        type: { const: entry.type },
        subject: { type: 'string', description: entry.subject },
        time: { type: 'string', format: 'date-time' },
        datacontenttype: { const: 'application/json' },
        data: entry.dataSchema,
      },
      additionalProperties: { description: 'CloudEvents extensions (workflow, instance, cell…)' },
    },
  };
}

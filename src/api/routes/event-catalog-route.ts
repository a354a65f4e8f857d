import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { catalogEntries } from '../../model/index.js';

/** The catalogue of Cello's own event types, as the route answers it. */
const EventCatalogResponse = Type.Object({
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

/** `GET /v1/events/catalog`: every event type Cello itself emits, with its data schema, so cells can subscribe. */
export async function eventCatalogRoute(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/events/catalog',
    {
      schema: {
        summary: "Cello's own event types, with the schema of their data",
        tags: ['events'],
        response: { 200: EventCatalogResponse },
      },
    },
    async () => ({ events: catalogEntries() }),
  );
}

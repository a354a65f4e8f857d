import type { FastifyInstance } from 'fastify';
import { EVENT_ROUTES, catalogEntries } from '../../model/index.js';
import { serveRoute } from '../serve-route.js';

/** `GET /v1/events/catalog`: every event type Cello itself emits, with its data schema, so cells can subscribe. */
export async function eventCatalogRoute(app: FastifyInstance): Promise<void> {
  serveRoute(app, EVENT_ROUTES.catalog, async () => ({ events: catalogEntries() }));
}

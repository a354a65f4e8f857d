import type { FastifyInstance } from 'fastify';
import { WHOAMI_ROUTE, describePrincipal } from '../../model/index.js';
import { serveRoute } from '../serve-route.js';

/** `GET /v1/whoami`: who the token acts as, so clients (the dashboard) can say who is signed in. */
export async function whoamiRoute(app: FastifyInstance): Promise<void> {
  serveRoute(app, WHOAMI_ROUTE, async (request) => ({
    principal: request.principal,
    description: describePrincipal(request.principal),
  }));
}

import type { FastifyInstance } from 'fastify';
import { describePrincipal } from '../../model/index.js';

/** `GET /v1/whoami`: who the token acts as, so clients (the dashboard) can say who is signed in. */
export async function whoamiRoute(app: FastifyInstance): Promise<void> {
  app.get('/v1/whoami', { schema: { summary: 'Who this token acts as', tags: ['auth'] } }, async (request) => ({
    principal: request.principal,
    description: describePrincipal(request.principal),
  }));
}

import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../engine/index.js';
import { OPERATIONS_ROUTES } from '../../model/index.js';
import { serveRoute } from '../serve-route.js';

/** `/healthz` (the process answers), `/readyz` (the store answers), `/metrics` (Prometheus text). No token needed. */
export async function healthRoutes(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  serveRoute(app, OPERATIONS_ROUTES.liveness, async () => ({ status: 'ok' }));
  serveRoute(app, OPERATIONS_ROUTES.readiness, async (_request, reply) => {
    try {
      const lastSeq = await runtime.store.events.lastSeq();
      return { status: 'ready', backend: runtime.store.capabilities.backend, lastSeq };
    } catch (error) {
      return reply.status(503).send({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  serveRoute(app, OPERATIONS_ROUTES.metrics, async (_request, reply) => {
    reply.header('content-type', runtime.metrics.registry.contentType);
    return runtime.metrics.registry.metrics();
  });
}

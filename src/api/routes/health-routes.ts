import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../engine/index.js';

/** `/healthz` (the process answers), `/readyz` (the store answers), `/metrics` (Prometheus text). No token needed. */
export async function healthRoutes(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'] } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: the store answers', tags: ['operations'] } },
    async (_request, reply) => {
      try {
        const lastSeq = await runtime.store.events.lastSeq();
        return { status: 'ready', backend: runtime.store.capabilities.backend, lastSeq };
      } catch (error) {
        return reply.status(503).send({ status: 'unavailable', reason: (error as Error).message });
      }
    },
  );
  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) => {
    reply.header('content-type', runtime.metrics.registry.contentType);
    return runtime.metrics.registry.metrics();
  });
}

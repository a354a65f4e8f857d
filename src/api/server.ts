import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createDeliveryAdmin, type IngestLimits, type Runtime } from '../engine/index.js';
import { ErrorResponse } from '../model/index.js';
import { RateLimitError } from '../shared/index.js';
import { createAuthHook } from './auth.js';
import { installErrorHandler } from './error-handler.js';
import { dashboardRoute } from './routes/dashboard-route.js';
import { deliveryRoutes } from './routes/delivery-routes.js';
import { eventCatalogRoute } from './routes/event-catalog-route.js';
import { eventRoutes } from './routes/event-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { manifestRoutes } from './routes/manifest-routes.js';
import { streamRoute } from './routes/stream-route.js';
import { whoamiRoute } from './routes/whoami-route.js';

export interface ApiOptions {
  runtime: Runtime;
  /** SHA-256 of CELLO_ADMIN_TOKEN, when one is set. */
  adminTokenHash?: string;
  limits: IngestLimits;
  /** Largest JSON body of non-event routes. */
  maxJsonBytes?: number;
  /** Requests per minute per token (per address without one); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Extra route plugins (governance, insights, workflows, the dashboard), registered after the core ones. */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
}

/** Builds the HTTP API: every /v1 route authenticated, one error shape, OpenAPI generated from the route schemas. */
export async function createApiServer(options: ApiOptions): Promise<FastifyInstance> {
  const { runtime } = options;
  const app = Fastify({
    loggerInstance: runtime.logger as FastifyBaseLogger,
    // Per-request info lines would dominate the log at ingest rates; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.maxJsonBytes ?? 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    return503OnClosing: true,
  });

  installErrorHandler(app);
  // An unknown query parameter is a mistake (a typo, or `types=` for `type=`): refuse it instead of ignoring it.
  app.addHook('onRoute', (route) => {
    const query = route.schema?.querystring as Record<string, unknown> | undefined;
    if (query && typeof query === 'object' && query.type === 'object' && !('additionalProperties' in query)) {
      route.schema!.querystring = { ...query, additionalProperties: false };
    }
  });
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cello API',
        version: '0.1.0',
        description: 'Orchestration for autonomous teams: one event log, signals, governance and insights.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { runtime });
  // The dashboard's static files need no token; outside the /v1 scope on purpose.
  await app.register(dashboardRoute);

  const deliveries = createDeliveryAdmin({ store: runtime.store, clock: runtime.clock, router: runtime.router });
  const authHook = createAuthHook(
    runtime.store.tokens,
    options.adminTokenHash ? { adminTokenHash: options.adminTokenHash } : {},
  );
  await app.register(async (v1) => {
    if (options.rateLimitPerMinute) {
      await v1.register(rateLimit, {
        max: options.rateLimitPerMinute,
        timeWindow: 60_000,
        // One budget per token; the header is only a map key here, never logged.
        keyGenerator: (request) => request.headers.authorization ?? request.ip,
        errorResponseBuilder: (_request, context) =>
          new RateLimitError(
            `This token sent more than ${context.max} requests in a minute; retry after ${context.after}, or ask the admin to raise CELLO_RATE_LIMIT.`,
            { rule: 'rate-limit' },
          ),
      });
    }
    v1.addHook('onRequest', authHook);
    await v1.register(eventRoutes, { runtime, limits: options.limits });
    await v1.register(streamRoute, { runtime });
    await v1.register(deliveryRoutes, { runtime, deliveries });
    await v1.register(manifestRoutes, { runtime });
    await v1.register(whoamiRoute);
    await v1.register(eventCatalogRoute);
    for (const plugin of options.plugins ?? []) await v1.register(plugin);
  });
  return app;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** web/dist, from src/api/routes (tsx, tests) and from dist/api/routes (the build) alike. */
export const DEFAULT_DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface DashboardOptions {
  /** The built dashboard (`vite build web`); defaults to web/dist of this package. */
  dir?: string;
}

/** Paths that are never dashboard pages: a miss there is a real 404 (JSON), not the app. */
const NOT_PAGES = /^\/(v1|openapi\.json|healthz|readyz|metrics|assets)(\/|$)/;

/**
 * Serves the dashboard at `/` with no token (it holds no data: every view reads the authenticated /v1 API).
 * Hashed assets are cached for a year; index.html is revalidated so a new build shows up at once. Page paths
 * the client router knows (`/map`, `/cells/risk`…) get index.html; other misses keep the API's JSON 404.
 */
export async function dashboardRoute(app: FastifyInstance, options: DashboardOptions = {}): Promise<void> {
  const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
  if (!existsSync(path.join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Cello</title><body style="font-family:system-ui;max-width:40em;margin:4em auto;line-height:1.5">' +
            '<h1>The dashboard is not built</h1><p>This server runs, but its dashboard has not been built. Run <code>npm run build</code> ' +
            '(or <code>npx vite build web</code>) in the Cello folder and reload. The API is at <a href="/openapi.json">/openapi.json</a>.</p>',
        ),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    schemaHide: true,
    cacheControl: false, // set per file below: hashed assets immutable, the rest revalidated
    setHeaders(response, file) {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
    if (NOT_PAGES.test(pathname) || lastSegment.includes('.')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

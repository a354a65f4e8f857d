import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/model/index.js';
import { PROJECT_ROOT } from '../support/services.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const operation = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/:(\w+)/g, '{$1}')}`;

/**
 * The server serves exactly the routes of the wire contract: each definition in src/model/http has a handler, and
 * every route the server documents (all but the dashboard's files and /openapi.json itself) has a definition, with
 * the contract's summary and tags. Nothing is written twice or left out.
 */
describe('the wire contract and the server', () => {
  let server: TestApp;
  let documented: Map<string, { summary?: string; tags?: string[] }>;

  beforeAll(async () => {
    server = await startTestApp({ orgDir: path.join(PROJECT_ROOT, 'examples/acme') });
    const openapi = (await (await server.call('/openapi.json', { token: null })).json()) as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    };
    documented = new Map(
      Object.entries(openapi.paths).flatMap(([url, methods]) =>
        Object.entries(methods).map(([method, op]) => [operation(method, url), op] as const),
      ),
    );
  });
  afterAll(() => server.close());

  it('defines each route once', () => {
    const names = API_ROUTES.map((r) => operation(r.method, r.url));
    expect(new Set(names).size).toBe(names.length);
  });

  it('serves every definition, documented as the contract says', () => {
    for (const route of API_ROUTES) {
      expect(server.app.api.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.url}`).toBe(
        true,
      );
      expect(documented.get(operation(route.method, route.url))).toMatchObject({
        summary: route.summary,
        tags: [...route.tags],
      });
    }
  });

  it('serves no route the contract does not define', () => {
    const defined = new Set(API_ROUTES.map((r) => operation(r.method, r.url)));
    expect([...documented.keys()].filter((op) => !defined.has(op))).toEqual([]);
  });
});

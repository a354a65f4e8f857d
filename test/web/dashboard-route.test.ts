import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoute } from '../../src/api/routes/dashboard-route.js';

/** A built dashboard in miniature: index.html and one hashed asset. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Cello</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
  return dir;
}

describe('the dashboard route', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = fakeBuild();
    app = Fastify();
    app.get('/v1/manifests', async () => ({ manifests: [] }));
    await app.register(dashboardRoute, { dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app at / without a token, revalidated on every load', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('answers page paths of the client router with the app, so deep links and reloads work', async () => {
    for (const url of ['/map', '/cells/risk', '/signals', '/tensions/T-3', '/review', '/insights?view=variants']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps real 404s for the API, missing files and missing assets', async () => {
    for (const url of ['/v1/nothing-here', '/openapi.json/x', '/assets/gone.js', '/favicon.png']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<div id="root">');
    }
    expect((await app.inject({ method: 'GET', url: '/v1/manifests' })).json()).toEqual({ manifests: [] });
  });

  it('says how to build the dashboard when it is not built', async () => {
    const bare = Fastify();
    await bare.register(dashboardRoute, { dir: path.join(dir, 'not-built') });
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWebhookSecret, systemClock } from '../../shared/index.js';
import { postWebhook } from './post-webhook.js';

/** Two receivers on 127.0.0.1: one that redirects as told, and the place it redirects to, recording what arrives. */
let redirector: http.Server;
let elsewhere: http.Server;
let arrivedElsewhere: { method?: string; body: string }[] = [];
let redirectStatus = 302;
const url = (server: http.Server, path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      arrivedElsewhere.push({ method: req.method, body });
      res.writeHead(200).end();
    });
  });
  redirector = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(redirectStatus, { location: url(elsewhere, '/stolen') }).end());
  });
  await Promise.all([elsewhere, redirector].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});

afterAll(async () => {
  await Promise.all([elsewhere, redirector].map((s) => new Promise<void>((r) => s.close(() => r()))));
});

describe('postWebhook', () => {
  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i: the attempt fails, shows the Location, and nothing reaches it',
    async (status) => {
      redirectStatus = status;
      arrivedElsewhere = [];
      const outcome = await postWebhook(
        { url: url(redirector, '/hook'), id: 'msg-1', body: '{"x":1}', secret: newWebhookSecret(), timeoutMs: 5_000 },
        systemClock,
      );
      expect(outcome).toMatchObject({ verdict: 'retry', statusCode: status });
      expect(outcome.error).toContain(`redirecting to ${url(elsewhere, '/stolen')}`);
      expect(outcome.error).toContain('does not follow redirects');
      expect(arrivedElsewhere).toEqual([]);
    },
  );
});

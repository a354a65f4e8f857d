import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStructuredCloudEvent, type CloudEvent } from '../model/index.js';
import { AuthenticationError, newWebhookSecret, signWebhook } from '../shared/index.js';
import { receiveWebhook } from './index.js';

const SECRET = newWebhookSecret();
const event: CloudEvent = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/cells/risk',
  type: 'com.acme.risk.score.changed',
  data: { score: 0.91 },
};

/** A cell's webhook endpoint on 127.0.0.1, written as a cell would write it with the SDK. */
let server: http.Server;
let url: string;
const received: CloudEvent[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const { event: delivered } = receiveWebhook({
          headers: req.headers,
          body: Buffer.concat(chunks),
          secret: SECRET,
        });
        received.push(delivered);
        res.writeHead(204).end();
      } catch (error) {
        res
          .writeHead(error instanceof AuthenticationError ? 401 : 400, { 'content-type': 'text/plain' })
          .end((error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/risk`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the way Cello's delivery worker does: the structured event, signed with the shared signer. */
function deliver(body: string, signedBody = body, secret = SECRET) {
  const headers = signWebhook({ id: 'dlv-1', timestamp: Math.floor(Date.now() / 1000), body: signedBody, secret });
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json; charset=utf-8', ...headers },
    body,
  });
}

describe('receiveWebhook', () => {
  it('accepts a delivery signed by the engine and reads its CloudEvent', async () => {
    const response = await deliver(JSON.stringify(toStructuredCloudEvent(event)));
    expect(response.status).toBe(204);
    expect(received.at(-1)).toEqual(event);
  });

  it('refuses a body changed on the way, and a delivery signed with another secret', async () => {
    const body = JSON.stringify(toStructuredCloudEvent(event));
    const tampered = await deliver(body.replace('0.91', '0.10'), body);
    expect(tampered.status).toBe(401);
    expect(await tampered.text()).toMatch(/No v1 signature in the webhook-signature header matches/);
    expect((await deliver(body, body, newWebhookSecret())).status).toBe(401);
  });

  it('refuses a signed body that is not a CloudEvent, naming the webhook', async () => {
    const response = await deliver(JSON.stringify({ hello: 'world' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^The webhook dlv-1: attribute "specversion" is missing/);
  });
});

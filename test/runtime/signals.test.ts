import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/shared/index.js';
import { writeSignalsOrg } from '../support/org-fixture.js';
import { ADMIN_TOKEN, eventually, startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { DeliveryDeadLettered } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const RISK = 'com.acme.risk.score.changed';

describe('signals: a cell publishes, another cell’s webhook receives', () => {
  let server: TestApp;
  let receiver: WebhookReceiver;
  let riskToken: string;
  let financeToken: string;

  const publish = (token: string | null, event: Record<string, unknown>) =>
    server.call('/v1/events', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({ specversion: '1.0', source: '/risk/scoring', type: RISK, ...event }),
    });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestApp({ orgDir: writeSignalsOrg({ webhookUrl: receiver.url, maxAttempts: 2 }) });
    riskToken = await server.tokenFor('risk');
    financeToken = await server.tokenFor('finance');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('delivers a matching event to the subscribed webhook, signed, and skips what the filter excludes', async () => {
    const high = await publish(riskToken, { id: 'score-1', subject: 'loan-42', data: { score: 0.93 } });
    expect(high.status).toBe(202);
    expect(await high.json()).toMatchObject({ accepted: 1, events: [{ id: 'score-1', duplicate: false }] });
    expect((await publish(riskToken, { id: 'score-2', subject: 'loan-43', data: { score: 0.2 } })).status).toBe(202);

    const delivery = await eventually(() => receiver.received.find((r) => r.json.id === 'score-1'));
    expect(delivery.json).toMatchObject({ type: RISK, subject: 'loan-42', data: { score: 0.93 } });
    expect(delivery.headers['content-type']).toContain('application/cloudevents+json');

    const { secret } = (await (
      await server.call('/v1/subscriptions/finance-high-risk/secret', { token: financeToken })
    ).json()) as { secret: string };
    expect(() => verifyWebhook(delivery.headers, delivery.body, secret)).not.toThrow();
    expect(() => verifyWebhook(delivery.headers, delivery.body.replace('0.93', '0.99'), secret)).toThrow(/signature/i);

    const list = (await (
      await server.call('/v1/deliveries?subscription=finance-high-risk', { token: financeToken })
    ).json()) as {
      deliveries: { status: string; eventSeq: number }[];
    };
    await eventually(async () => {
      const { deliveries } = (await (await server.call('/v1/deliveries', { token: financeToken })).json()) as {
        deliveries: { status: string }[];
      };
      return deliveries.some((d) => d.status === 'succeeded');
    });
    expect(list.deliveries).toHaveLength(1);
    expect(receiver.received.some((r) => r.json.id === 'score-2')).toBe(false);
  });

  it('stores history (the simulation extension) without routing it', async () => {
    expect(
      (await publish(riskToken, { id: 'hist-1', subject: 'loan-h', simulation: 'seed-1', data: { score: 0.99 } }))
        .status,
    ).toBe(202);
    expect((await publish(riskToken, { id: 'live-1', subject: 'loan-h', data: { score: 0.99 } })).status).toBe(202);
    await eventually(() => receiver.received.some((r) => r.json.id === 'live-1'));
    expect(receiver.received.some((r) => r.json.id === 'hist-1')).toBe(false);
    const { events } = (await (await server.call('/v1/events?subject=loan-h')).json()) as {
      events: { id: string; simulation?: string }[];
    };
    expect(events.map((e) => [e.id, e.simulation])).toEqual([
      ['hist-1', 'seed-1'],
      ['live-1', undefined],
    ]);
  });

  it('acknowledges a retried publish without storing it twice', async () => {
    const first = await publish(riskToken, { id: 'retry-1', subject: 'loan-1', data: { score: 0.1 } });
    const again = await publish(riskToken, { id: 'retry-1', subject: 'loan-1', data: { score: 0.1 } });
    const [a, b] = [
      (await first.json()) as { events: { seq: number }[] },
      (await again.json()) as { events: { seq: number; duplicate: boolean }[] },
    ];
    expect(again.status).toBe(202);
    expect(b.events[0]).toEqual({ id: 'retry-1', source: '/risk/scoring', seq: a.events[0]!.seq, duplicate: true });
    const { events } = (await (await server.call('/v1/events?source=/risk/scoring&type=' + RISK)).json()) as {
      events: { id: string }[];
    };
    expect(events.filter((e) => e.id === 'retry-1')).toHaveLength(1);
  });

  // A leap second passed validation but made building its row throw inside the shared group commit, so every
  // request that shared the flush was refused with it (the group commit test covers that isolation directly).
  it('stores a leap second without failing the requests that share its commit', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        publish(riskToken, {
          id: `leap-${i}`,
          subject: 'loan-leap',
          time: i % 4 === 0 ? '2016-12-31T23:59:60Z' : '2026-01-05T09:00:00Z',
          data: { score: 0.1 },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(202));
    const { events } = (await (
      await server.call('/v1/events?subject=loan-leap&from=2017-01-01T00:00:00Z&to=2017-01-01T00:00:01Z')
    ).json()) as { events: { id: string; time: string }[] };
    expect(events.map((e) => e.time)).toEqual(Array(10).fill('2016-12-31T23:59:60Z'));
  });

  it('refuses unknown callers and cells publishing types they do not offer, saying which rule refused', async () => {
    const anonymous = await publish(null, { id: 'x1', data: { score: 0.5 } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(/needs a token/);
    expect((await publish('cello_not-a-real-token', { id: 'x2', data: { score: 0.5 } })).status).toBe(401);

    const wrongCell = await publish(financeToken, { id: 'x3', data: { score: 0.5 } });
    expect(wrongCell.status).toBe(403);
    const body = (await wrongCell.json()) as { error: { message: string; details: { rule: string } } };
    expect(body.error.details.rule).toBe('publish-offered-types');
    expect(body.error.message).toMatch(/com\.acme\.risk\.score\.changed is offered by cell:risk/);

    expect((await publish(ADMIN_TOKEN, { id: 'x4', type: 'com.example.anything', data: {} })).status).toBe(202);
    const secret = await server.call('/v1/subscriptions/finance-high-risk/secret', { token: riskToken });
    expect(secret.status).toBe(403);
    expect(await (await server.call('/v1/whoami', { token: riskToken })).json()).toMatchObject({
      principal: { kind: 'cell', cell: 'risk' },
      description: "cell:risk's token",
    });
  });

  it('checks event data against the schema its offer declares', async () => {
    const response = await publish(riskToken, { id: 'bad-score', data: { score: 7 } });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; details: { field: string } } };
    expect(error.details.field).toBe('data');
    expect(error.message).toMatch(/data\.score must be <= 1/);
  });

  it('answers malformed requests with 4xx and a message naming what is wrong', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      server.call('/v1/events', { method: 'POST', headers, body });
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ['bad JSON', post({ 'content-type': 'application/cloudevents+json' }, '{"specversion": "1.0",'), 400, /JSON/],
      [
        'wrong content type, no ce- headers',
        post({ 'content-type': 'text/csv' }, 'a,b'),
        400,
        /ce-specversion|content type/i,
      ],
      [
        'bad spec version header',
        post(
          {
            'content-type': 'application/json',
            'ce-specversion': '0.2',
            'ce-id': '1',
            'ce-source': '/s',
            'ce-type': RISK,
          },
          '{}',
        ),
        400,
        /specversion/,
      ],
      [
        'missing id',
        post(
          { 'content-type': 'application/cloudevents+json' },
          JSON.stringify({ specversion: '1.0', source: '/s', type: RISK }),
        ),
        400,
        /\bid\b/,
      ],
      [
        'oversize body',
        post({ 'content-type': 'application/cloudevents+json' }, 'x'.repeat(5 * 1024 * 1024)),
        413,
        /larger|over the limit/,
      ],
    ];
    for (const [what, pending, status, message] of cases) {
      const response = await pending;
      expect(response.status, what).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message, what).toMatch(message);
    }
  });

  it('refuses a whole batch when one event is invalid, naming its index, and stores none of it', async () => {
    const before = await server.app.store.events.lastSeq();
    const response = await server.call('/v1/events', {
      method: 'POST',
      token: riskToken,
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        { specversion: '1.0', id: 'b1', source: '/risk', type: RISK, data: { score: 0.1 } },
        { specversion: '1.0', id: 'b2', source: '/risk', type: RISK, time: 'yesterday', data: { score: 0.1 } },
      ]),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: { index: number; field: string } } };
    expect(error.details).toMatchObject({ index: 1, field: 'time' });
    expect(await server.app.store.events.lastSeq()).toBe(before);
  });

  it('refuses an unknown query parameter instead of ignoring it', async () => {
    const response = await server.call('/v1/events?types=com.acme.risk.*');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'querystring has an unknown parameter "types"; see /openapi.json for the ones this route takes.',
    );
  });

  it('pages through the log with filters and a cursor', async () => {
    for (let i = 0; i < 5; i++)
      await publish(riskToken, { id: `page-${i}`, subject: 'loan-page', data: { score: 0.1 } });
    const first = (await (await server.call('/v1/events?subject=loan-page&limit=3')).json()) as {
      events: { id: string }[];
      next: number;
    };
    expect(first.events.map((e) => e.id)).toEqual(['page-0', 'page-1', 'page-2']);
    const second = (await (await server.call(`/v1/events?subject=loan-page&limit=3&after=${first.next}`)).json()) as {
      events: { id: string }[];
      next: null;
    };
    expect(second.events.map((e) => e.id)).toEqual(['page-3', 'page-4']);
    expect(second.next).toBeNull();
  });

  it('streams events over SSE and resumes after Last-Event-ID', async () => {
    await publish(riskToken, { id: 'sse-1', subject: 'loan-sse', data: { score: 0.1 } });
    const { events } = (await (await server.call('/v1/events?subject=loan-sse')).json()) as {
      events: { seq: number }[];
    };
    const lastSeen = events[0]!.seq;
    await publish(riskToken, { id: 'sse-2', subject: 'loan-sse', data: { score: 0.1 } });

    const abort = new AbortController();
    const stream = await server.call('/v1/events/stream?subject=loan-sse', {
      headers: { 'last-event-id': String(lastSeen) },
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    let text = '';
    setTimeout(() => void publish(riskToken, { id: 'sse-3', subject: 'loan-sse', data: { score: 0.1 } }), 50);
    while (!text.includes('"sse-3"')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(text).not.toContain('"sse-1"');
    expect(text.indexOf('"sse-2"')).toBeGreaterThan(0);
    expect(text.indexOf('"sse-2"')).toBeLessThan(text.indexOf('"sse-3"'));
    expect(text).toMatch(/^id: \d+$/m);
  });

  it('dead-letters a delivery after its last attempt, records every attempt, and replays it', async () => {
    receiver.status = 503;
    await publish(riskToken, { id: 'dead-1', subject: 'loan-dead', data: { score: 0.95 } });
    const dead = await eventually(async () => {
      const { deliveries } = (await (
        await server.call('/v1/deliveries?failed=true', { token: financeToken })
      ).json()) as {
        deliveries: { id: string; status: string; attempts: number; lastStatusCode: number }[];
      };
      return deliveries.find((d) => d.status === 'dead');
    });
    expect(dead).toMatchObject({ attempts: 2, lastStatusCode: 503 });
    const { attempts } = (await (
      await server.call(`/v1/deliveries/${dead.id}/attempts`, { token: financeToken })
    ).json()) as {
      attempts: { statusCode: number; outcome: string; durationMs: number }[];
    };
    expect(attempts.map((a) => [a.statusCode, a.outcome])).toEqual([
      [503, 'retry'],
      [503, 'dead'],
    ]);
    const deadLetterEvent = await eventually(async () => {
      const { events } = (await (await server.call('/v1/events?type=dev.cello.delivery.dead-lettered')).json()) as {
        events: { data: { delivery: string } }[];
      };
      return events.find((e) => e.data.delivery === dead.id);
    });
    expect(deadLetterEvent).toBeDefined();

    receiver.status = 200;
    const replay = await server.call('/v1/deliveries/replay', {
      method: 'POST',
      token: financeToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deadLetters: true, subscription: 'finance-high-risk' }),
    });
    expect(await replay.json()).toEqual({ queued: 1 });
    await eventually(() => receiver.received.filter((r) => r.json.id === 'dead-1').length === 3);
  });

  it('limits the requests a token may send per minute, with 429 and Retry-After', async () => {
    const limited = await startTestApp({
      orgDir: writeSignalsOrg({ webhookUrl: receiver.url }),
      configure: (c) => (c.rateLimitPerMinute = 3),
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.call('/v1/manifests?kind=Cell')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.call('/v1/manifests?kind=Cell');
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(/more than 3 requests in a minute/),
      });
    } finally {
      await limited.close();
    }
  });

  it('serves OpenAPI 3.1, health, readiness and Prometheus metrics', async () => {
    const openapi = (await (await server.call('/openapi.json', { token: null })).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/events', '/v1/events/stream', '/v1/deliveries']),
    );
    expect((await server.call('/healthz', { token: null })).status).toBe(200);
    expect(await (await server.call('/readyz', { token: null })).json()).toMatchObject({ status: 'ready' });
    const metrics = await (await server.call('/metrics', { token: null })).text();
    expect(metrics).toMatch(/cello_events_ingested_total\{mode="structured"\} \d+/);
    expect(metrics).toMatch(/cello_delivery_attempts_total\{outcome="succeeded"\} \d+/);
    expect(metrics).toContain('cello_ingest_ack_seconds_bucket');
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(server.app.store.events, [DeliveryDeadLettered]);
  });
});

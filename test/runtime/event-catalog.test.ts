/** `GET /v1/events/catalog`: the event catalogue over HTTP, behind the same token check as every /v1 route. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATALOG, CELLO_EVENT_TYPES, TensionRaised } from '../../src/model/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let server: TestApp;
beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server?.close());

it('lists every Cello event type with its description, source, subject and the JSON Schema of its data', async () => {
  const response = await server.call('/v1/events/catalog', { token: await server.tokenFor('risk') });
  expect(response.status).toBe(200);
  const { events } = (await response.json()) as { events: { type: string; dataSchema: unknown }[] };
  expect(events.map((e) => e.type)).toEqual(CELLO_EVENT_TYPES);
  for (const event of events)
    expect(event.dataSchema).toEqual(JSON.parse(JSON.stringify(CATALOG[event.type as keyof typeof CATALOG].data)));
  expect(events.find((e) => e.type === TensionRaised)).toMatchObject({
    description: 'A tension was raised, by a person or by a detector.',
    source: '/cello/governance',
    subject: 'the tension id (T-n)',
    dataSchema: { type: 'object', properties: { tension: { type: 'string' } } },
  });
});

it('asks for a token like every /v1 route, and documents its answer in /openapi.json', async () => {
  expect((await server.call('/v1/events/catalog', { token: null })).status).toBe(401);
  const openapi = (await (await server.call('/openapi.json', { token: null })).json()) as {
    paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }>;
  };
  expect(
    openapi.paths['/v1/events/catalog']?.get?.responses?.['200']?.content?.['application/json']?.schema,
  ).toMatchObject({ type: 'object', properties: { events: { type: 'array' } } });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../src/api/error-handler.js';
import { serveRoute } from '../../src/api/serve-route.js';
import { CelloHttpError, callRoute, routeUrl, type CelloServer } from '../../src/client/index.js';
import { ErrorResponse, REFUSALS, defineRoute } from '../../src/model/index.js';
import { ERROR_CODES, InputError, NotFoundError, RouteNotFoundError, isErrorCode } from '../../src/shared/index.js';

/** Three routes of a small contract, served and called the way Cello's own are. */
const Thing = Type.Object({ id: Type.String(), size: Type.Integer(), tags: Type.Array(Type.String()) });
const THINGS = {
  show: defineRoute({
    method: 'GET',
    url: '/v1/things/:id',
    summary: 'One thing',
    tags: ['things'],
    params: Type.Object({ id: Type.String() }),
    querystring: Type.Object({ grow: Type.Optional(Type.Integer()) }),
    response: { 200: Thing, 404: ErrorResponse },
  }),
  make: defineRoute({
    method: 'POST',
    url: '/v1/things',
    summary: 'Make a thing',
    tags: ['things'],
    body: Type.Object({ id: Type.String({ minLength: 1 }), size: Type.Integer() }, { additionalProperties: false }),
    response: { 201: Thing, ...REFUSALS },
  }),
  refuse: defineRoute({
    method: 'POST',
    url: '/v1/refusals/:code',
    summary: 'Refuse with the error of a code',
    tags: ['things'],
    params: Type.Object({ code: Type.String() }),
    response: { 204: Type.Null() },
  }),
};

let app: FastifyInstance;
let server: CelloServer;

beforeAll(async () => {
  app = Fastify();
  installErrorHandler(app);
  serveRoute(app, THINGS.show, async (request) => {
    if (request.params.id === 'gone') throw new NotFoundError('There is no thing "gone".', { field: 'id' });
    // `secret` is not in the schema: the serializer leaves it out.
    const thing = { id: request.params.id, size: 1 + (request.query.grow ?? 0), tags: ['a'], secret: 'x' };
    return thing;
  });
  serveRoute(app, THINGS.make, async (request, reply) => {
    reply.status(201);
    return { ...request.body, tags: [] };
  });
  serveRoute(app, THINGS.refuse, async (request) => {
    const { code } = request.params;
    if (!isErrorCode(code)) throw new Error(`${code} is not in the table.`);
    throw new ERROR_CODES[code].error(`Refused with ${code}.`, { field: 'code' });
  });
  server = { url: await app.listen({ port: 0, host: '127.0.0.1' }), token: 't' };
});

afterAll(() => app.close());

describe('callRoute', () => {
  it('fills in the path and query and returns the answer as the schema serialized it', async () => {
    const thing = await callRoute(server, THINGS.show, { params: { id: 'a b' }, query: { grow: 2 } });
    const size: number = thing.size;
    expect(size).toBe(3);
    expect(thing).toEqual({ id: 'a b', size: 3, tags: ['a'] });
    expect(routeUrl(server, THINGS.show, { params: { id: 'a b' }, query: { grow: 2 } })).toBe(
      `${server.url}/v1/things/a%20b?grow=2`,
    );
    // @ts-expect-error the route needs its path parameter
    await expect(callRoute(server, THINGS.show)).rejects.toThrow(/needs the path parameter "id"/);
  });

  it('sends the body as JSON and takes another 2xx as success', async () => {
    expect(await callRoute(server, THINGS.make, { body: { id: 'b', size: 2 } })).toEqual({
      id: 'b',
      size: 2,
      tags: [],
    });
  });

  it.each(Object.entries(ERROR_CODES))(
    'turns a %s answer into its class, with the server message and details',
    async (code, { status, error }) => {
      const refused = await callRoute(server, THINGS.refuse, { params: { code } }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(error);
      expect(refused).toMatchObject({ code, message: `Refused with ${code}.`, details: { field: 'code', status } });
    },
  );

  it('says when the server has no such route, apart from a missing record', async () => {
    const missingRecord = await callRoute(server, THINGS.show, { params: { id: 'gone' } }).catch((e: unknown) => e);
    expect(missingRecord).toBeInstanceOf(NotFoundError);
    const noRoute = { ...THINGS.show, url: '/v1/nothing/:id' };
    const missingRoute = await callRoute(server, noRoute, { params: { id: 'x' } }).catch((e: unknown) => e);
    expect(missingRoute).toBeInstanceOf(RouteNotFoundError);
    expect(missingRoute).not.toBeInstanceOf(NotFoundError);
    expect((missingRoute as Error).message).toBe('There is no GET /v1/nothing/x; see /openapi.json for the API.');
  });

  it('refuses a body the schema refuses, naming the field', async () => {
    const refused = await callRoute(server, THINGS.make, { body: { id: '', size: 1 } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).details).toMatchObject({ field: 'body.id', status: 400 });
  });

  it('reports an answer that is not a Cello error with its status and text', async () => {
    const proxy = http.createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('gone'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const error = await callRoute({ url }, THINGS.show, { params: { id: 'a' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CelloHttpError);
      expect((error as CelloHttpError).status).toBe(502);
      expect((error as Error).message).toBe(`The Cello server at ${url}/v1/things/a answered 502 Bad Gateway: gone`);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('says which server could not be reached, or what the caller says to do', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await callRoute({ url }, THINGS.show, { params: { id: 'a' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CelloHttpError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Could not reach the Cello server at ${url} .*check the URL and that \`cello serve\` is running`),
    );
    const told = await callRoute(
      { url, unreachable: (at) => new InputError(`Start a server at ${at}.`) },
      THINGS.show,
      { params: { id: 'a' } },
    ).catch((e: unknown) => e);
    expect(told).toEqual(new InputError(`Start a server at ${url}.`));
  });
});

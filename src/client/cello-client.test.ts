import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, InputError, LimitError, NotAllowedError } from '../shared/index.js';
import { CelloHttpError, createCelloClient } from './index.js';

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in Cello server on 127.0.0.1 that records requests and answers as told. */
let server: http.Server;
let url: string;
let seen: Seen[] = [];
let answer: { status: number; type: string; body: string } = { status: 202, type: 'application/json', body: '{}' };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  answer = { status: 202, type: 'application/json', body: '{}' };
});

function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error,
  );
}

const signal = {
  type: 'com.acme.risk.score.changed',
  source: '/cells/risk',
  subject: 'loan-42',
  data: { score: 0.91 },
};

describe('createCelloClient().publish', () => {
  it('posts one event in structured mode with the token, filling in id and time, and returns the receipt', async () => {
    answer.body = JSON.stringify({
      accepted: 1,
      events: [{ id: 'from-server', source: '/cells/risk', seq: 7, duplicate: false }],
    });
    const receipt = await createCelloClient({ url: `${url}/`, token: 'tok_risk' }).publish(signal);
    expect(receipt).toEqual({
      accepted: 1,
      events: [{ id: 'from-server', source: '/cells/risk', seq: 7, duplicate: false }],
    });
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/events' });
    expect(request?.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(request?.headers.authorization).toBe('Bearer tok_risk');
    const sent = JSON.parse(request!.body) as Record<string, unknown>;
    expect(sent).toMatchObject({ specversion: '1.0', ...signal });
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(sent.time as string)).not.toBeNaN();
  });

  it('posts several events as one batch, keeping given ids, extensions and bytes', async () => {
    await createCelloClient({ url }).publish([
      { ...signal, id: 'e1', extensions: { riskclass: 'b' } },
      {
        type: 'com.acme.risk.report.ready',
        source: '/cells/risk',
        id: 'e2',
        data: new Uint8Array([0, 1, 2]),
        time: new Date('2026-01-05T09:00:00Z'),
      },
    ]);
    const [request] = seen;
    expect(request?.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.parse(request!.body)).toEqual([
      expect.objectContaining({ id: 'e1', riskclass: 'b', data: { score: 0.91 } }),
      expect.objectContaining({
        id: 'e2',
        data_base64: 'AAEC',
        datacontenttype: 'application/octet-stream',
        time: '2026-01-05T09:00:00.000Z',
      }),
    ]);
  });

  it('refuses an invalid event before sending anything, with the message the server would give', async () => {
    const error = await failure(createCelloClient({ url }).publish([signal, { ...signal, source: 'risk team' }]));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^Event at index 1: attribute "source" is "risk team", which is not a URI-reference/);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [400, 'invalid_input', InputError],
    [413, 'limit_exceeded', LimitError],
    [401, 'unauthenticated', AuthenticationError],
    [403, 'not_allowed', NotAllowedError],
  ] as const)(
    'turns a %i {error} answer into the matching error, with the server message and details',
    async (status, code, type) => {
      answer = {
        status,
        type: 'application/json',
        body: JSON.stringify({ error: { code, message: `The server says no (${code}).`, details: { field: 'type' } } }),
      };
      const error = await failure(createCelloClient({ url, token: 't' }).publish(signal));
      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(`The server says no (${code}).`);
      expect((error as InputError).details).toEqual({ field: 'type', status });
    },
  );

  it('reports an answer that is not a Cello error with its status and body', async () => {
    answer = { status: 502, type: 'text/plain', body: 'upstream went away' };
    const error = await failure(createCelloClient({ url }).publish(signal));
    expect(error).toBeInstanceOf(CelloHttpError);
    expect((error as CelloHttpError).status).toBe(502);
    expect(error.message).toBe(`The Cello server at ${url}/v1/events answered 502 Bad Gateway: upstream went away`);
  });

  it('says which server it could not reach', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(createCelloClient({ url: `http://127.0.0.1:${port}` }).publish(signal));
    expect(error).toBeInstanceOf(CelloHttpError);
    expect(error.message).toMatch(
      new RegExp(`^Could not reach the Cello server at http://127.0.0.1:${port} .*\`cello serve\` is running`),
    );
  });

  it('refuses a URL that is not one', () => {
    expect(() => createCelloClient({ url: 'localhost 7420' })).toThrow(/The Cello URL "localhost 7420" is not a URL/);
  });
});

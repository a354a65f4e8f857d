/** A real HTTP webhook receiver on 127.0.0.1 that records every call, for scenario tests. */
import http from 'node:http';

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as received (signatures are checked over it). */
  raw: string;
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  /** Runs after a call to `path` was answered (e.g. a cell reacting by publishing an event). */
  on(path: string, react: (call: ReceivedCall) => Promise<void> | void): void;
  /** Answers calls to `path` with this status (e.g. 503 to force retries) until changed back to 204. */
  respond(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const reactions = new Map<string, (call: ReceivedCall) => Promise<void> | void>();
  const statuses = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const status = statuses.get(path) ?? 204;
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // not JSON: kept raw
      }
      const call: ReceivedCall = { path, headers: request.headers, raw, json };
      if (status < 300) calls.push(call);
      response.writeHead(status).end();
      const react = reactions.get(path);
      if (react && status < 300) void Promise.resolve(react(call)).catch(() => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    on: (path, react) => void reactions.set(path, react),
    respond: (path, status) => void statuses.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls `check` until it returns a value other than undefined/false; fails with `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

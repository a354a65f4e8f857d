import type { RouteDefinition, RouteInput, RouteResponse } from '../model/index.js';
import { errorFromAnswer, errorMessage } from '../shared/isomorphic.js';
import { CelloHttpError } from './cello-http-error.js';

/** Which server to call and as whom; the CLI, the SDK and the dashboard each make one. */
export interface CelloServer {
  /** The server, e.g. `http://127.0.0.1:7420`; empty for the page's own origin (the dashboard). */
  url: string;
  /** A cell's or the admin's token (`cello token create`). */
  token?: string;
  /** Another fetch, e.g. one with a proxy agent; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** How long one request may take before it is abandoned; no limit when absent. */
  timeoutMs?: number;
  /** The error to throw when no answer came, naming what to do where the caller knows it (a flag, a variable). */
  unreachable?: (url: string, cause: unknown) => Error;
  /** Told of each error answer before it is thrown (the dashboard signs out on a 401). */
  refused?: (error: Error) => void;
}

/** A part of a call's input (`params`, `query`, `body`, `contentType`), read without its route's type. */
function part(input: unknown, name: string): unknown {
  if (typeof input !== 'object' || input === null) return undefined;
  const value: unknown = Reflect.get(input, name);
  return value;
}

/** The entries of a `params` or `query` part. */
function entries(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

/** The input of a call, left out when the route needs none. */
export type CallArgs<R extends RouteDefinition> =
  Record<string, never> extends RouteInput<R>
    ? [input?: RouteInput<R>, init?: { signal?: AbortSignal }]
    : [input: RouteInput<R>, init?: { signal?: AbortSignal }];

/** The path and query of a call: `/v1/tensions/T-3`, `/v1/deliveries?limit=50`; empty query values are left out. */
function pathOf(route: RouteDefinition, input: unknown): string {
  const params = new Map(entries(part(input, 'params')));
  const path = route.url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params.get(name);
    if (value === undefined)
      throw new TypeError(
        `${route.method} ${route.url} needs the path parameter "${name}"; pass it as params.${name}.`,
      );
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [key, value] of entries(part(input, 'query')))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The full URL of a call, e.g. for an EventSource, which cannot send headers (`access_token` goes in the query). */
export function routeUrl<R extends RouteDefinition>(
  server: CelloServer,
  route: R,
  input?: NoInfer<RouteInput<R>>,
): string {
  return `${server.url.replace(/\/+$/, '')}${pathOf(route, input)}`;
}

/**
 * Sends a call and returns the answer as it came, for a caller that reads a stream; an error answer is thrown as
 * the class of its code in the shared error table (with the server's message, and its status in `details.status`).
 */
export async function sendRoute<R extends RouteDefinition>(
  server: CelloServer,
  route: R,
  ...[input, init]: NoInfer<CallArgs<R>>
): Promise<Response> {
  const base = server.url.replace(/\/+$/, '');
  const url = `${base}${pathOf(route, input)}`;
  const headers: Record<string, string> = { accept: route.produces?.join(', ') ?? 'application/json' };
  if (server.token) headers.authorization = `Bearer ${server.token}`;
  let body: string | undefined;
  const given = part(input, 'body');
  const contentType = part(input, 'contentType');
  if (typeof contentType === 'string' && typeof given === 'string') {
    // A route that reads its body raw (CloudEvents): sent as given, with its media type.
    headers['content-type'] = contentType;
    body = given;
  } else if (given !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(given);
  }
  const signals = [init?.signal, server.timeoutMs ? AbortSignal.timeout(server.timeoutMs) : undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  let response: Response;
  try {
    response = await (server.fetch ?? fetch)(url, {
      method: route.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(signals.length ? { signal: AbortSignal.any(signals) } : {}),
    });
  } catch (error) {
    // The caller gave up: that is not the server's doing.
    if (init?.signal?.aborted) throw error;
    throw (
      server.unreachable?.(base, error) ??
      new CelloHttpError(
        `Could not reach the Cello server at ${base || 'this origin'} (${errorMessage(error)}); check the URL and that \`cello serve\` is running.`,
        0,
      )
    );
  }
  if (!response.ok) {
    const error = await answerError(response, url.split('?')[0]!);
    server.refused?.(error);
    throw error;
  }
  return response;
}

/** Calls a route of the API and returns its answer, typed by the route's schemas (text for Markdown, XES, metrics). */
export async function callRoute<R extends RouteDefinition>(
  server: CelloServer,
  route: R,
  ...args: NoInfer<CallArgs<R>>
): Promise<RouteResponse<R>> {
  const response = await sendRoute(server, route, ...args);
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ?? false;
  // The server serialized the answer through the same schema this type comes from.
  return (json && text ? JSON.parse(text) : text || undefined) as RouteResponse<R>;
}

/** The error an error answer stands for: the class of its code, else a CelloHttpError with what the server said. */
async function answerError(response: Response, url: string): Promise<Error> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? parsed.error : undefined;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
    const details =
      'details' in error && typeof error.details === 'object' && error.details !== null
        ? { ...error.details }
        : undefined;
    const known = errorFromAnswer(response.status, { code, message: error.message, ...(details ? { details } : {}) });
    if (known) return known;
    return new CelloHttpError(error.message, response.status, text.slice(0, 200));
  }
  const snippet = text.slice(0, 200);
  return new CelloHttpError(
    `The Cello server at ${url} answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`.trim(),
    response.status,
    snippet,
  );
}

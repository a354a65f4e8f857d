import { ApiError, apiErrorFrom } from './api-error.js';

/** Query values; `undefined` ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** Talks to the Cello HTTP API with one bearer token. Every view reads through this, nothing else. */
export interface ApiClient {
  readonly token: string;
  get<T>(path: string, query?: Query, init?: { signal?: AbortSignal }): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  /** A text answer, such as review minutes in Markdown. */
  getText(path: string): Promise<string>;
  /** A URL for EventSource, which cannot send headers: the token goes in `access_token`. */
  streamUrl(path: string, query?: Query): string;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Creates a client; `onUnauthenticated` runs on any 401 so the app can return to the sign-in page. */
export function createApiClient(
  token: string,
  options: { base?: string; onUnauthenticated?: (error: ApiError) => void } = {},
): ApiClient {
  const base = options.base ?? '';
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    as: 'json' | 'text' = 'json',
  ): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: as === 'json' ? 'application/json' : 'text/plain, text/markdown, */*',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(
        0,
        'network',
        'The Cello server did not answer; check that `cello serve` is running and reachable.',
      );
    }
    if (!response.ok) {
      const error = await apiErrorFrom(response);
      if (response.status === 401) options.onUnauthenticated?.(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (as === 'text' ? await response.text() : await response.json()) as T;
  };
  return {
    token,
    get: (path, query, init) => send('GET', withQuery(path, query), undefined, init?.signal),
    post: (path, body) => send('POST', path, body ?? {}),
    put: (path, body) => send('PUT', path, body ?? {}),
    getText: (path) => send<string>('GET', path, undefined, undefined, 'text'),
    streamUrl: (path, query = {}) => base + withQuery(path, { ...query, access_token: token }),
  };
}

import type { Command } from 'commander';
import {
  AuthenticationError,
  CelloError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../shared/index.js';
import type { CommandContext } from './context.js';

export const DEFAULT_URL = 'http://127.0.0.1:7420';

/** Adds `--url` and `--token` (defaults from CELLO_URL and CELLO_TOKEN) to a command that talks to a server. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--url <url>', 'server URL (default: $CELLO_URL or http://127.0.0.1:7420)')
    .option('--token <token>', 'API token (default: $CELLO_TOKEN)');
}

export interface ServerConnection {
  url: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** A raw fetch with the token set, for streams. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Connects a command to the server named by its flags or the environment. */
export function connect(options: { url?: string; token?: string }, context: CommandContext): ServerConnection {
  const url = (options.url ?? context.env.CELLO_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url))
    throw new InputError(`--url must start with http:// or https://, not "${url}".`, { field: 'url' });
  const token = options.token ?? context.env.CELLO_TOKEN;
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  });

  const rawFetch = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetch(`${url}${path}`, {
        ...init,
        headers: { ...headers(), ...(init.headers as Record<string, string>) },
      });
    } catch (error) {
      throw new InputError(
        `No Cello server answers at ${url} (${(error as Error).cause ?? (error as Error).message}); start one with \`cello serve\` or pass --url.`,
        {
          field: 'url',
        },
      );
    }
  };

  return {
    url,
    fetch: rawFetch,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await rawFetch(path, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
      });
      const text = await response.text();
      const parsed: unknown = text ? safeJson(text) : undefined;
      if (!response.ok) throw errorFromResponse(response.status, parsed, text);
      return parsed as T;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns the server's `{ error: { code, message } }` back into the matching domain error. */
function errorFromResponse(status: number, body: unknown, text: string): CelloError {
  const error = (body as { error?: { message?: string; details?: Record<string, unknown> } } | undefined)?.error;
  const message = error?.message ?? `The server answered ${status}: ${text.slice(0, 200)}`;
  const details = { ...error?.details, status };
  if (status === 401) return new AuthenticationError(message, details);
  if (status === 403) return new NotAllowedError(message, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 409) return new ConflictError(message, details);
  return new RemoteError(message, details);
}

/** A refusal or failure reported by the server. */
export class RemoteError extends CelloError {
  readonly code = 'remote';
}

import type { Command } from 'commander';
import type { CelloServer } from '../client/index.js';
import { InputError } from '../shared/index.js';
import type { CommandContext } from './context.js';

export const DEFAULT_URL = 'http://127.0.0.1:7420';

/** Adds `--url` and `--token` (defaults from CELLO_URL and CELLO_TOKEN) to a command that talks to a server. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--url <url>', 'server URL (default: $CELLO_URL or http://127.0.0.1:7420)')
    .option('--token <token>', 'API token (default: $CELLO_TOKEN)');
}

/** The server a command talks to, named by its flags or the environment; the typed client calls it. */
export function connect(options: { url?: string; token?: string }, context: CommandContext): CelloServer {
  const url = (options.url ?? context.env.CELLO_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url))
    throw new InputError(`--url must start with http:// or https://, not "${url}".`, { field: 'url' });
  const token = options.token ?? context.env.CELLO_TOKEN;
  return {
    url,
    ...(token ? { token } : {}),
    unreachable: (base, error) =>
      new InputError(
        `No Cello server answers at ${base} (${error instanceof Error ? String(error.cause ?? error.message) : String(error)}); start one with \`cello serve\` or pass --url.`,
        { field: 'url' },
      ),
  };
}

/** Starts a real Cello server on 127.0.0.1 (port 0) over a temp SQLite folder, for integration tests. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileConfig, createApp, type App, type AppConfig } from '../../src/app/index.js';
import { compileBackoff, createToken } from '../../src/engine/index.js';
import { silentLogger, type Clock, type ManualClock } from '../../src/shared/index.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: App;
  url: string;
  dataDir: string;
  /** A new token for a cell (optionally naming a member). */
  tokenFor(cell: string, member?: string): Promise<string>;
  /** fetch against the server with a token. */
  call(pathname: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    orgDir?: string;
    dataDir?: string;
    clock?: Clock | ManualClock;
    configure?: (config: AppConfig) => void;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cello-data-'));
  const config = compileConfig({
    dataDir,
    port: 0,
    ...(options.orgDir ? { org: options.orgDir } : {}),
    env: { CELLO_ADMIN_TOKEN: ADMIN_TOKEN },
  });
  // Fast retries and polls: the tests wait for outcomes, never for fixed times.
  config.delivery = { ...config.delivery, pollMs: 50, backoff: compileBackoff({ baseMs: 20, capMs: 100 }) };
  config.feedPollMs = 50;
  options.configure?.(config);
  const app = await createApp(config, { logger: silentLogger, ...(options.clock ? { clock: options.clock } : {}) });
  const url = await app.listen();
  return {
    app,
    url,
    dataDir,
    async tokenFor(cell, member) {
      return (await createToken(app.store.tokens, { cell, ...(member ? { member } : {}) })).token;
    },
    call(pathname, init = {}) {
      const { token = ADMIN_TOKEN, headers, ...rest } = init;
      return fetch(`${url}${pathname}`, {
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) },
      });
    },
    close: () => app.close(),
  };
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('the expected outcome did not happen in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

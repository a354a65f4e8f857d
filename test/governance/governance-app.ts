import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MODULE_MIGRATIONS, compileConfig, createApp, type App } from '../../src/app/index.js';
import { createToken } from '../../src/engine/index.js';
import type { GovernanceOptions } from '../../src/governance/index.js';
import { ManualClock, silentLogger } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { writeSmallOrg } from './small-org.js';

/** Who holds a token in the small organization (cell and member), and the admin. */
export const SMALL_ORG_TOKENS = {
  admin: { admin: true },
  ana: { cell: 'ops', member: 'Ana' }, // facilitator of the reviews (cell ops); decides boundary tensions
  finn: { cell: 'ops', member: 'Finn' }, // ops lead: decides process tensions (owner)
  bo: { cell: 'payments', member: 'Bo' },
  cy: { cell: 'payments', member: 'Cy' },
  payments: { cell: 'payments' }, // a cell token naming no member
  mei: { cell: 'risk', member: 'Mei' }, // risk lead: decides interface (advice) and capacity (consent)
  raj: { cell: 'risk', member: 'Raj' }, // a facilitator, but of cell risk, not of the reviews
} as const;

export type TokenName = keyof typeof SMALL_ORG_TOKENS;

export interface GovernanceApp {
  app: App;
  clock: ManualClock;
  dir: string;
  orgDir: string;
  dataDir: string;
  url: string;
  tokens: Record<TokenName, string>;
  /** An HTTP call through Fastify's inject, as `who`; the body parsed as JSON when it is JSON. */
  call(
    who: TokenName | undefined,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** A real server over a real store (SQLite in a temp folder unless given), the small organization applied, one token per person. */
export async function startGovernanceApp(
  options: {
    start?: string;
    webhookUrl?: string;
    reviewDate?: string;
    governance?: GovernanceOptions;
    store?: (clock: ManualClock, dataDir: string) => Store;
  } = {},
): Promise<GovernanceApp> {
  const clock = new ManualClock(options.start ?? '2026-01-05T09:00:00.000Z');
  const dir = await mkdtemp(path.join(tmpdir(), 'cello-governance-'));
  const orgDir = path.join(dir, 'org');
  const dataDir = path.join(dir, 'data');
  await writeSmallOrg(orgDir, {
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
    ...(options.reviewDate ? { reviewDate: options.reviewDate } : {}),
  });
  const store = options.store
    ? options.store(clock, dataDir)
    : createSqliteStore({ dataDir, clock, synchronous: 'normal' });
  await store.migrate(MODULE_MIGRATIONS);
  const config = compileConfig({ dataDir, org: orgDir, port: 0, env: { CELLO_LOG_LEVEL: 'silent' } });
  const app = await createApp(config, {
    clock,
    store,
    logger: silentLogger,
    governance: { reviewCell: 'ops', checkIntervalMs: 0, ...options.governance },
  });
  const url = await app.listen();
  const tokens = {} as Record<TokenName, string>;
  for (const [name, spec] of Object.entries(SMALL_ORG_TOKENS))
    tokens[name as TokenName] = (await createToken(store.tokens, spec)).token;
  return {
    app,
    clock,
    dir,
    orgDir,
    dataDir,
    url,
    tokens,
    async call(who, method, url, body) {
      const response = await app.api.inject({
        method,
        url,
        headers: {
          ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const json = response.headers['content-type']?.toString().includes('json');
      return { status: response.statusCode, body: json ? response.json() : response.body };
    },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

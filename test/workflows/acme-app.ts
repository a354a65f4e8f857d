/** The example organization (examples/acme) on a real server over SQLite in a temp folder, its webhooks pointed at a local receiver. */
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileConfig, createApp, type App } from '../../src/app/index.js';
import { createToken } from '../../src/engine/index.js';
import { newId, silentLogger } from '../../src/shared/index.js';
import { PROJECT_ROOT } from '../support/services.js';

export const ACME_CELLS = [
  'risk',
  'finance',
  'platform',
  'demand-planning',
  'manufacturing',
  'cs-emea',
  'cs-americas',
] as const;
export type AcmeCell = (typeof ACME_CELLS)[number];

/** Copies examples/acme to `dir`, sending every 127.0.0.1:4100 webhook (workflows and subscriptions) to `receiverUrl`. */
export async function copyAcme(dir: string, receiverUrl: string): Promise<string> {
  const orgDir = path.join(dir, 'acme');
  await cp(path.join(PROJECT_ROOT, 'examples/acme'), orgDir, { recursive: true });
  for (const entry of await readdir(orgDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (text.includes('http://127.0.0.1:4100'))
      await writeFile(file, text.replaceAll('http://127.0.0.1:4100', receiverUrl));
  }
  return orgDir;
}

export interface AcmeApp {
  app: App;
  url: string;
  tokens: Record<AcmeCell | 'admin', string>;
  /** Publishes one structured CloudEvent as `cell`; resolves with its log position. */
  publish(cell: AcmeCell, type: string, subject: string, data: unknown): Promise<number>;
  /** A JSON API call as `who`. */
  call(
    who: AcmeCell | 'admin',
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** Starts a server on `dataDir` with `orgDir` applied at start-up, and creates one token per cell (once per data folder). */
export async function startAcmeApp(orgDir: string, dataDir: string, tokens?: AcmeApp['tokens']): Promise<AcmeApp> {
  const config = compileConfig({ dataDir, org: orgDir, port: 0, env: { CELLO_LOG_LEVEL: 'silent' } });
  const app = await createApp(config, {
    logger: silentLogger,
    workflows: {
      pollMs: 50,
      timerPollMs: 50,
      webhooks: { maxAttempts: 5, timeoutMs: 2_000, concurrency: 8, pollMs: 50 },
    },
  });
  const url = await app.listen();
  const all = tokens ?? ({} as AcmeApp['tokens']);
  if (!tokens) {
    all.admin = (await createToken(app.store.tokens, { admin: true })).token;
    for (const cell of ACME_CELLS) all[cell] = (await createToken(app.store.tokens, { cell })).token;
  }
  const call: AcmeApp['call'] = async (who, method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${all[who]}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    app,
    url,
    tokens: all,
    call,
    async publish(cell, type, subject, data) {
      const event = {
        specversion: '1.0',
        id: newId(),
        source: `/acme/${cell}`,
        type,
        subject,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data,
      };
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${all[cell]}`, 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(event),
      });
      const body = (await response.json()) as { events?: { seq: number }[]; error?: { message: string } };
      if (response.status !== 202)
        throw new Error(`Publishing ${type} as ${cell} was refused (${response.status}): ${body.error?.message}`);
      return body.events![0]!.seq;
    },
    close: () => app.close(),
  };
}

/** A fresh temp folder. */
export const tempDir = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix));

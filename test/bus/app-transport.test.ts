import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_MIGRATIONS, announceCommit, compileConfig, createApp, openTransport } from '../../src/app/index.js';
import { InputError, silentLogger } from '../../src/shared/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

const env = (extra: Record<string, string>) => ({ CELLO_ADMIN_TOKEN: 'test-admin-token-0123456789', ...extra });

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('choosing the transport', () => {
  it('uses the in-process transport unless CELLO_NATS_URL is set', async () => {
    const config = compileConfig({ env: env({}) });
    expect(config.nats).toBeUndefined();
    const transport = await openTransport(config);
    expect(transport.capabilities).toMatchObject({ name: 'in-process', crossProcess: false });
    await transport.close();
    await expect(announceCommit(config, { lastSeq: 1, types: [] })).resolves.toBeUndefined();
  });

  it('reads the NATS settings from the environment', () => {
    expect(compileConfig({ env: env({ CELLO_NATS_URL: 'nats://10.0.0.5:4222, nats://10.0.0.6:4222' }) }).nats).toEqual({
      url: 'nats://10.0.0.5:4222, nats://10.0.0.6:4222',
    });
    expect(
      compileConfig({
        env: env({
          CELLO_NATS_URL: '127.0.0.1:4222',
          CELLO_NATS_STREAM: 'CELLO_EU',
          CELLO_NATS_SUBJECT_PREFIX: 'cello-eu',
        }),
      }).nats,
    ).toEqual({
      url: '127.0.0.1:4222',
      stream: 'CELLO_EU',
      subjectPrefix: 'cello-eu',
    });
  });

  it('refuses a CELLO_NATS_URL that is not a NATS server, without echoing its password', () => {
    const refuse = (url: string) => () => compileConfig({ env: env({ CELLO_NATS_URL: url }) });
    expect(refuse('http://nats.example.com/api')).toThrow(InputError);
    expect(refuse('http://nats.example.com/api')).toThrow(
      /CELLO_NATS_URL must be a NATS server such as nats:\/\/127\.0\.0\.1:4222/,
    );
    expect(refuse('nats://cello:hunter2@bad host:4222')).toThrow(/nats:\/\/\*\*\*@bad host/);
    expect(refuse('nats://cello:hunter2@bad host:4222')).not.toThrow(/hunter2/);
  });

  it('refuses to start a server whose NATS does not answer, saying what to do, and leaves the store closed', async () => {
    const config = compileConfig({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'cello-data-')),
      port: 0,
      env: env({ CELLO_NATS_URL: `nats://127.0.0.1:${await closedPort()}` }),
    });
    const store = createSqliteStore({ dataDir: config.dataDir });
    await store.migrate(MODULE_MIGRATIONS);
    const starting = createApp(config, { logger: silentLogger, store });
    await expect(starting).rejects.toThrow(InputError);
    await expect(starting).rejects.toThrow(/could not reach NATS at nats:\/\/127\.0\.0\.1:\d+ .*CELLO_NATS_URL/);
    await expect(store.events.lastSeq()).rejects.toThrow();
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransportMessage } from '../../src/bus/index.js';
import { createNatsTransport, type NatsTransportOptions } from '../../src/bus/nats/index.js';
import { runTransportContract } from '../../src/bus/transport.contract.js';
import { InputError, silentLogger } from '../../src/shared/index.js';
import { checkNats, describeWith, NATS_URL } from '../support/services.js';
import { eventually } from '../support/test-app.js';

// Streams and subjects of their own per run, so parallel runs and test files never meet; deleted at the end.
const run = `cello_test_${process.pid}_${Date.now().toString(36)}`;
const STREAM = `${run}_contract`;
const streams: string[] = [];
const options = (overrides: Partial<NatsTransportOptions> = {}): NatsTransportOptions => {
  const stream = overrides.stream ?? STREAM;
  if (!streams.includes(stream)) streams.push(stream);
  return { url: NATS_URL, stream, subjectPrefix: stream, logger: silentLogger, ...overrides };
};

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('nats transport start-up without a server', () => {
  it('refuses to start when NATS is unreachable, naming CELLO_NATS_URL and what to do, without echoing credentials', async () => {
    const url = `nats://cello:hunter2@127.0.0.1:${await closedPort()}`;
    const failure = createNatsTransport({ url, connectTimeoutMs: 2_000 });
    await expect(failure).rejects.toThrow(InputError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toMatch(
      /could not reach NATS at nats:\/\/\*\*\*@127\.0\.0\.1:\d+ .*nats-server -js.*CELLO_NATS_URL/,
    );
    expect(message).not.toContain('hunter2');
  });

  it('refuses a stream name JetStream would not take, before connecting', async () => {
    await expect(createNatsTransport({ url: 'nats://127.0.0.1:1', stream: 'CELLO.EU' })).rejects.toThrow(
      /stream name "CELLO\.EU" is not allowed/,
    );
    await expect(createNatsTransport({ url: 'nats://127.0.0.1:1', subjectPrefix: 'cello.>' })).rejects.toThrow(
      /subject prefix "cello\.>" is not valid/,
    );
  });
});

describeWith(await checkNats(), 'nats transport', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  runTransportContract('nats jetstream', () => createNatsTransport(options()));

  describe('nats adapter', () => {
    it('is durable and crosses processes; subjects travel under its prefix and are stored in its stream', async () => {
      const transport = await createNatsTransport(options());
      try {
        expect(transport.capabilities).toEqual({ name: 'nats', durable: true, crossProcess: true });
        await transport.publish('log.committed', { lastSeq: 1 });
        const stored = await jsm.streams.getMessage(STREAM, { last_by_subj: `${STREAM}.log.committed` });
        expect(stored?.json()).toEqual({ lastSeq: 1 });
        expect((await jsm.streams.info(STREAM)).config.subjects).toEqual([`${STREAM}.>`]);
      } finally {
        await transport.close();
      }
    });

    it('lets several instances start at once: one creates the stream, the others use it', async () => {
      const stream = `${run}_race`;
      const transports = await Promise.all([1, 2, 3].map(() => createNatsTransport(options({ stream }))));
      try {
        const received: TransportMessage[] = [];
        await transports[2]!.subscribe('hello', (m) => void received.push(m));
        await transports[0]!.publish('hello', 'from the first');
        await eventually(() => received.length === 1);
        expect(received[0]!.json()).toBe('from the first');
      } finally {
        await Promise.all(transports.map((t) => t.close()));
      }
    });

    it('refuses a stream of the same name that captures other subjects, saying which setting to change', async () => {
      const stream = `${run}_foreign`;
      streams.push(stream);
      await jsm.streams.add({ name: stream, subjects: [`${stream}_other.>`] });
      const failure = createNatsTransport(options({ stream, subjectPrefix: `${stream}_mine` }));
      await expect(failure).rejects.toThrow(InputError);
      await expect(failure).rejects.toThrow(
        /already exists for .*_other\.>.*CELLO_NATS_STREAM.*CELLO_NATS_SUBJECT_PREFIX/,
      );
    });
  });
});

/** The nats-server binary, for the test that restarts a server of its own. */
const NATS_SERVER =
  process.env.CELLO_NATS_SERVER ??
  ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p));

describeWith(
  { ok: NATS_SERVER !== undefined, reason: 'no nats-server binary on this machine (set CELLO_NATS_SERVER to one)' },
  'nats transport across a server restart',
  () => {
    let port: number;
    let dir: string;
    let server: ChildProcess | undefined;
    const start = async () => {
      server = spawn(NATS_SERVER!, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
      await eventually(
        () =>
          new Promise<boolean>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
            socket.on('error', () => resolve(false));
          }),
      );
    };
    const stop = async () => {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server!.kill('SIGTERM');
      await exited;
    };

    beforeAll(async () => {
      port = await closedPort();
      dir = mkdtempSync(path.join(os.tmpdir(), 'cello-nats-'));
      await start();
    });
    afterAll(async () => {
      if (server && server.exitCode === null) await stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reconnects on its own, and the subscription resumes without skipping what was published meanwhile', async () => {
      const url = `nats://127.0.0.1:${port}`;
      const settings = {
        url,
        stream: 'RESTART',
        subjectPrefix: 'restart',
        connectTimeoutMs: 1_000,
        logger: silentLogger,
      };
      const transport = await createNatsTransport(settings);
      try {
        const seen: unknown[] = [];
        await transport.subscribe('signal.>', (m) => void seen.push(m.json()));
        await transport.publish('signal.before', 'before');
        await eventually(() => seen.length === 1);

        await stop();
        await start();
        // Another instance publishes as soon as the server is back, whether or not this one has reconnected yet.
        const other = await createNatsTransport(settings);
        await other.publish('signal.meanwhile', 'meanwhile');
        await other.close();
        // Publishing fails while the client is still reconnecting; a caller (the commit notifier) just tries the next time.
        await eventually(
          () =>
            transport.publish('signal.after', 'after').then(
              () => true,
              () => false,
            ),
          20_000,
        );
        await eventually(() => seen.includes('after'), 20_000);
        expect(seen.slice(0, 2)).toEqual(['before', 'meanwhile']);
      } finally {
        await transport.close();
      }
    });

    it('closes cleanly while the server is away, failing the publish that could not be acknowledged', async () => {
      const transport = await createNatsTransport({
        url: `nats://127.0.0.1:${port}`,
        stream: 'RESTART',
        subjectPrefix: 'restart',
        logger: silentLogger,
      });
      await transport.subscribe('signal.>', () => undefined);
      await stop();
      const stranded = transport.publish('signal.stranded', 'stranded');
      await expect(transport.close()).resolves.toBeUndefined();
      await expect(stranded).rejects.toThrow();
    });
  },
);

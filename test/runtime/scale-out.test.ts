/**
 * Scale-out: two `cello serve` instances over one PostgreSQL schema, told about each other's commits through
 * NATS JetStream. Both instances poll the log and the outbox only once a minute here, so anything that crosses
 * from one to the other within a test crossed on the bus.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  MODULE_MIGRATIONS,
  announceCommit,
  compileConfig,
  createApp,
  type App,
  type AppConfig,
} from '../../src/app/index.js';
import { compileBackoff, createToken, deliveryDb } from '../../src/engine/index.js';
import { ManifestApplied } from '../../src/model/index.js';
import { applyManifests, validateFolder } from '../../src/manifests/index.js';
import { silentLogger, systemClock } from '../../src/shared/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { openEventStream, type EventStreamClient } from '../bus/event-stream-client.js';
import { writeSignalsOrg } from '../support/org-fixture.js';
import {
  checkNats,
  checkPostgres,
  describeWith,
  NATS_URL,
  POSTGRES_URL,
  type ServiceCheck,
} from '../support/services.js';
import { ADMIN_TOKEN, eventually } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const RISK = 'com.acme.risk.score.changed';
const MINUTE = 60_000;
const run = `cello_scale_${process.pid}_${Date.now().toString(36)}`;

const services = [await checkPostgres(), await checkNats()];
const both: ServiceCheck = {
  ok: services.every((s) => s.ok),
  reason: services
    .filter((s) => !s.ok)
    .map((s) => s.reason)
    .join('; '),
};

/** `eventually`, saying which outcome did not happen (two instances, a bus and a database: worth knowing where it stuck). */
const waitFor = <T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> =>
  eventually(check).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}`);
  });

interface Instance {
  app: App;
  url: string;
  publish(token: string, events: Record<string, unknown>[]): Promise<Response>;
}

describeWith(both, 'scale-out: two instances on PostgreSQL and NATS', () => {
  let receiver: WebhookReceiver;
  let orgDir: string;
  let a: Instance;
  let b: Instance;
  let riskToken: string;
  const streams: EventStreamClient[] = [];

  function configFor(orgDir?: string): AppConfig {
    const config = compileConfig({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'cello-scale-')),
      port: 0,
      ...(orgDir ? { org: orgDir } : {}),
      env: { CELLO_ADMIN_TOKEN: ADMIN_TOKEN },
    });
    config.nats = { url: NATS_URL, stream: run, subjectPrefix: run };
    config.feedPollMs = MINUTE;
    config.delivery = { ...config.delivery, pollMs: MINUTE, backoff: compileBackoff({ baseMs: 20, capMs: 100 }) };
    return config;
  }

  async function start(orgDir?: string): Promise<Instance> {
    const store = createPostgresStore({ url: POSTGRES_URL, schema: run, poolSize: 4 });
    await store.migrate(MODULE_MIGRATIONS);
    const app = await createApp(configFor(orgDir), { logger: silentLogger, store });
    const url = await app.listen();
    return {
      app,
      url,
      publish: (token, events) =>
        fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents-batch+json' },
          body: JSON.stringify(events.map((e) => ({ specversion: '1.0', source: '/risk/scoring', type: RISK, ...e }))),
        }),
    };
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    orgDir = writeSignalsOrg({ webhookUrl: receiver.url });
    a = await start(orgDir);
    b = await start();
    riskToken = (await createToken(a.app.store.tokens, { cell: 'risk' })).token;
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await a?.app.close();
    await b?.app.close();
    await receiver?.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists "${run}" cascade`).finally(() => client.end());
    const nc = await connect({ servers: NATS_URL });
    await (await jetstreamManager(nc)).streams.delete(run).catch(() => undefined);
    await nc.close();
  });

  it('runs both instances on the shared store and on NATS', () => {
    expect(a.app.store.capabilities.sharedByProcesses).toBe(true);
    expect([a.app.transport.capabilities, b.app.transport.capabilities]).toEqual([
      { name: 'nats', durable: true, crossProcess: true },
      { name: 'nats', durable: true, crossProcess: true },
    ]);
  });

  it('shows events published to one instance on the other instance’s event stream', async () => {
    const onB = await openEventStream(b.url, ADMIN_TOKEN, `?type=${RISK}`);
    const onA = await openEventStream(a.url, ADMIN_TOKEN, `?type=${RISK}`);
    streams.push(onA, onB);
    expect(
      (
        await a.publish(
          riskToken,
          [1, 2, 3].map((i) => ({ id: `via-a-${i}`, subject: `loan-a${i}`, data: { score: 0.1 } })),
        )
      ).status,
    ).toBe(202);
    expect((await b.publish(riskToken, [{ id: 'via-b-1', subject: 'loan-b1', data: { score: 0.1 } }])).status).toBe(
      202,
    );
    await waitFor(
      'each instance streams the other’s events',
      () => onB.events.some((e) => e.id === 'via-a-3') && onA.events.some((e) => e.id === 'via-b-1'),
    );
    expect(onB.events.filter((e) => e.id.startsWith('via-a-')).map((e) => e.id)).toEqual([
      'via-a-1',
      'via-a-2',
      'via-a-3',
    ]);
    // Both streams show the one log: the same events in the same order.
    await waitFor('both streams show the same events', () => onA.events.length === onB.events.length);
    expect(onA.events.map((e) => e.seq)).toEqual(onB.events.map((e) => e.seq));
  });

  it('delivers each matching event once per delivery row, although both instances’ workers claim from the outbox', async () => {
    const before = receiver.received.length;
    const hot = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${prefix}-${i}`,
        subject: `loan-${prefix}-${i}`,
        data: { score: 0.9 + i / 1000 },
      }));
    const cold = (prefix: string) => [{ id: `${prefix}-cold`, subject: `loan-${prefix}-cold`, data: { score: 0.2 } }];
    await Promise.all([
      a.publish(riskToken, [...hot('hot-a', 12), ...cold('a')]),
      b.publish(riskToken, [...hot('hot-b', 12), ...cold('b')]),
    ]);
    const rows = () => deliveryDb(a.app.store.db).selectFrom('deliveries').select(['id', 'status']).execute();
    await waitFor('all 24 deliveries succeed', async () => {
      const all = await rows();
      return all.length === 24 && all.every((r) => r.status === 'succeeded');
    });
    const received = receiver.received.slice(before);
    const ids = received.map((r) => String(r.headers['webhook-id']));
    expect(new Set(ids).size).toBe(received.length);
    expect(received).toHaveLength(24);
    expect(new Set(ids)).toEqual(new Set((await rows()).map((r) => r.id)));
    expect(received.some((r) => String(r.json.id).endsWith('-cold'))).toBe(false);
  });

  it('picks up `cello apply` made through the shared store, on the other instance too', async () => {
    const applied = await openEventStream(b.url, ADMIN_TOKEN, `?type=${ManifestApplied}`);
    streams.push(applied);
    writeFileSync(
      path.join(orgDir, 'more.yaml'),
      `apiVersion: cello/v1
kind: Subscription
metadata: { name: finance-every-risk }
spec:
  cell: "cell:finance"
  types: [com.acme.risk.*]
  actions: [{ webhook: { url: "${receiver.url}-all" } }]
`,
    );
    // What `cello apply` does from its own process: write through a store of its own, then tell the servers.
    const cli = createPostgresStore({ url: POSTGRES_URL, schema: run, poolSize: 1 });
    const { manifests } = await validateFolder(orgDir, { now: new Date() });
    const result = await applyManifests(cli, manifests, { clock: systemClock, actor: 'cli' }).finally(() =>
      cli.close(),
    );
    await announceCommit(b.app.config, { lastSeq: result.eventSeq!, types: [ManifestApplied] });

    const event = await waitFor('instance B streams the applied event', () =>
      applied.events.find((e) => e.seq === result.eventSeq),
    );
    expect(event.data).toMatchObject({
      actor: 'cli',
      changes: [{ action: 'add', ref: 'subscription:finance-every-risk' }],
    });
    const names = (app: App) => app.runtime.org().subscriptions.map((s) => s.metadata.name);
    await waitFor(
      'both instances reload the organization',
      () => names(a.app).includes('finance-every-risk') && names(b.app).includes('finance-every-risk'),
    );

    // The new subscription routes on the instance that did not write it.
    const [published] = (
      (await (await b.publish(riskToken, [{ id: 'after-apply', subject: 'x-1', data: { score: 0.1 } }])).json()) as {
        events: { seq: number }[];
      }
    ).events;
    const row = await waitFor('the new subscription’s delivery succeeds', () =>
      deliveryDb(a.app.store.db)
        .selectFrom('deliveries')
        .select(['subscription', 'status'])
        .where('event_seq', '=', published!.seq)
        .where('status', '=', 'succeeded')
        .executeTakeFirst(),
    );
    expect(row.subscription).toBe('finance-every-risk');
  });
});

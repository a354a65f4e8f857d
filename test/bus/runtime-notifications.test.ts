import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessTransport, publishCommitNotice, type Transport } from '../../src/bus/index.js';
import { compileBackoff, createRuntime, deliveryDb, type Runtime } from '../../src/engine/index.js';
import { applyManifests, validateFolder } from '../../src/manifests/index.js';
import { ManifestApplied, type CloudEvent } from '../../src/model/index.js';
import { silentLogger, systemClock } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { writeSignalsOrg } from '../support/org-fixture.js';
import { eventually } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';

const RISK = 'com.acme.risk.score.changed';
/** Log and outbox polls of a minute: within a test, only the transport's notices can carry anything across. */
const MINUTE = 60_000;
const admin = { kind: 'admin' as const };
const score = (id: string, value: number): CloudEvent => ({
  specversion: '1.0',
  id,
  source: '/risk/scoring',
  type: RISK,
  subject: `loan-${id}`,
  data: { score: value },
});

describe('two runtimes sharing a store, told about each other’s commits by a shared transport', () => {
  let receiver: WebhookReceiver;
  let orgDir: string;
  let store: Store;
  let transport: Transport;
  let a: Runtime;
  let b: Runtime;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    orgDir = writeSignalsOrg({ webhookUrl: receiver.url });
    store = createSqliteStore({ memory: true });
    await store.migrate(MODULE_MIGRATIONS);
    await applyManifests(store, (await validateFolder(orgDir, { now: new Date() })).manifests, { clock: systemClock });
    transport = createInProcessTransport({ logger: silentLogger });
    const runtime = () =>
      createRuntime({
        store,
        logger: silentLogger,
        transport,
        feedPollMs: MINUTE,
        delivery: { pollMs: MINUTE, backoff: compileBackoff({ baseMs: 20, capMs: 100 }) },
      });
    [a, b] = [await runtime(), await runtime()];
    await a.start();
    await b.start();
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await transport.close();
    await store.close();
    await receiver.close();
  });

  it('hands what one runtime commits to the other’s listeners, once each, in log order', async () => {
    const seen: number[] = [];
    b.feed.subscribe((events) => seen.push(...events.map((e) => e.seq)));
    const outcomes = await a.publisher.publish(admin, [
      score('feed-1', 0.1),
      score('feed-2', 0.2),
      score('feed-3', 0.3),
    ]);
    const more = await a.publisher.publish(admin, [score('feed-4', 0.4)]);
    const committed = [...outcomes, ...more].map((o) => o.seq);
    await eventually(() => seen.includes(committed.at(-1)!));
    expect(seen).toEqual(committed);
  });

  it('delivers each matching event once while both delivery workers run', async () => {
    const before = receiver.received.length;
    await a.publisher.publish(admin, [score('hot-a1', 0.91), score('hot-a2', 0.92), score('cold-a', 0.1)]);
    await b.publisher.publish(admin, [score('hot-b1', 0.93), score('cold-b', 0.2)]);
    const rows = async () => deliveryDb(store.db).selectFrom('deliveries').select(['id', 'status']).execute();
    await eventually(async () => (await rows()).length === 3 && (await rows()).every((r) => r.status === 'succeeded'));
    const received = receiver.received.slice(before);
    expect(received.map((r) => r.json.id).sort()).toEqual(['hot-a1', 'hot-a2', 'hot-b1']);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(received.length);
  });

  it('wakes the other runtime’s delivery worker when one queues deliveries, so they go out even if its own worker is stopped', async () => {
    await a.worker.stop();
    try {
      const [outcome] = await a.publisher.publish(admin, [score('hot-woken', 0.97)]);
      const delivered = await eventually(() => receiver.received.find((r) => r.json.id === 'hot-woken'));
      expect(delivered.json).toMatchObject({ type: RISK, subject: 'loan-hot-woken' });
      const row = await deliveryDb(store.db)
        .selectFrom('deliveries')
        .select(['status'])
        .where('event_seq', '=', outcome!.seq)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('succeeded');
    } finally {
      a.worker.start();
    }
  });

  it('reloads the organization in both runtimes when an apply from outside either is announced', async () => {
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
    const { manifests } = await validateFolder(orgDir, { now: new Date() });
    const applied = await applyManifests(store, manifests, { clock: systemClock, actor: 'cli' });
    await publishCommitNotice(transport, { lastSeq: applied.eventSeq!, types: [ManifestApplied] });
    const names = (runtime: Runtime) => runtime.org().subscriptions.map((s) => s.metadata.name);
    await eventually(() => names(a).includes('finance-every-risk') && names(b).includes('finance-every-risk'));
    expect(names(b)).toEqual(expect.arrayContaining(['finance-high-risk', 'finance-every-risk']));
  });
});

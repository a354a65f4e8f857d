/**
 * Governance's detectors read the log through a durable consumer: an event committed while no server listened is
 * detected at the next start (on SQLite and PostgreSQL), and instances sharing a PostgreSQL store count each event
 * once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileConfig, createApp, MODULE_MIGRATIONS, type App } from '../../src/app/index.js';
import { celloEvent, DeliveryDeadLettered, TensionDetected, type CloudEvent } from '../../src/model/index.js';
import { silentLogger } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';
import { writeSmallOrg } from './small-org.js';

const deadLetter = (id: string): CloudEvent =>
  celloEvent(DeliveryDeadLettered, {
    id,
    subject: 'subscription:risk-feed',
    time: new Date('2026-01-05T09:00:00.000Z'),
    data: {
      delivery: `delivery-${id}`,
      subscription: 'risk-feed',
      cell: 'cell:payments',
      eventSeq: 1,
      target: 'http://127.0.0.1:9/hook',
      attempts: 8,
      lastStatusCode: 500,
      lastError: 'the webhook answered 500',
    },
  });

const detected = (id: string): CloudEvent => ({
  specversion: '1.0',
  id,
  source: '/cello/test',
  type: TensionDetected,
  datacontenttype: 'application/json',
  data: {
    detector: 'test',
    subject: 'flaky-handover',
    title: 'The handover keeps failing',
    type: 'process',
    cells: ['risk'],
  },
});

/** One backend's way to open (a new connection to) the same store. */
type OpenStore = () => Store;

function scenarios(openStore: OpenStore, options: { sharedByInstances: boolean }): void {
  let dir: string;
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<App> {
    dir ??= await mkdtemp(path.join(tmpdir(), 'cello-detectors-'));
    const orgDir = path.join(dir, 'org');
    await writeSmallOrg(orgDir);
    const config = compileConfig({ dataDir: path.join(dir, 'data'), org: orgDir, port: 0, env: {} });
    config.feedPollMs = 50;
    const app = await createApp(config, {
      store: openStore(),
      logger: silentLogger,
      governance: { checkIntervalMs: 0 },
    });
    await app.listen();
    apps.push(app);
    return app;
  }

  const tensionsOf = async (app: App, detector: string) =>
    (await app.governance.tensions.list()).map((v) => v.tension).filter((t) => t.detector === detector);

  it('raises the tension of a dead letter committed while the server was down, at the next start', async () => {
    const first = await start();
    await first.close();
    const store = openStore();
    await store.migrate(MODULE_MIGRATIONS);
    await store.events.append([{ event: deadLetter('while-down') }]);
    await store.close();

    const again = await start();
    await again.governance.settle();
    const [tension] = await tensionsOf(again, 'dead-letters');
    expect(tension).toMatchObject({ subject: 'subscription:risk-feed', occurrences: 1, state: 'open' });
    await again.close();
  });

  // SQLite serves one process per file; PostgreSQL is where several instances share a store.
  if (options.sharedByInstances)
    it('counts one occurrence per event when two instances share the store, not one per instance', async () => {
      const a = await start();
      const b = await start();
      await a.runtime.emit('test', [detected('once-1')]);
      await Promise.all([a.governance.settle(), b.governance.settle()]);
      expect((await tensionsOf(a, 'test')).map((t) => t.occurrences)).toEqual([1]);
      await b.runtime.emit('test', [detected('once-2')]);
      await Promise.all([a.governance.settle(), b.governance.settle()]);
      expect((await tensionsOf(b, 'test')).map((t) => t.occurrences)).toEqual([2]);
    });
}

describe('durable detectors on SQLite', () => {
  let dataDir: string | undefined;
  scenarios(
    () => {
      // The first call names the folder the tests' app also uses; every call opens its own connection to the file.
      dataDir ??= path.join(tmpdir(), `cello-detectors-sqlite-${process.pid}-${Date.now().toString(36)}`);
      return createSqliteStore({ dataDir, synchronous: 'normal' });
    },
    { sharedByInstances: false },
  );
});

const schema = `cello_detectors_${process.pid}_${Date.now().toString(36)}`;
describeWith(await checkPostgres(), 'durable detectors on PostgreSQL', () => {
  afterAll(async () => {
    const cleanup = createPostgresStore({ url: POSTGRES_URL, schema: 'public', poolSize: 1 });
    await cleanup.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await cleanup.close();
  });
  scenarios(() => createPostgresStore({ url: POSTGRES_URL, schema, poolSize: 4 }), { sharedByInstances: true });
});

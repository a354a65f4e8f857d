/**
 * The one outbox worker against a real store and a real webhook receiver: per-key concurrency, leases that lapse,
 * backoff and `Retry-After`, dead letters, per-attempt records; on PostgreSQL, two workers claiming with SKIP LOCKED.
 */
import http from 'node:http';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type Attempt, type OutboxSpec, type OutboxWorker } from '../../src/engine/index.js';
import type { CloudEvent } from '../../src/model/index.js';
import { ManualClock, newWebhookSecret, silentLogger, systemClock, type Clock } from '../../src/shared/index.js';
import { column, rowCodec, type Repositories, type Store, type StoreMigration } from '../../src/store/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';
import { eventually } from '../support/test-app.js';

interface JobsTable {
  id: string;
  lane: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_status_code: number | null;
  last_error: string | null;
  updated_at: number;
  completed_at: number | null;
}

const jobsMigration: StoreMigration = {
  name: '20261122-1000-test-jobs',
  async up(db, c) {
    await db.schema
      .createTable('test_jobs')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('lane', c.key, (col) => col.notNull())
      .addColumn('status', c.key, (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', c.bigint, (col) => col.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .addColumn('completed_at', c.bigint)
      .execute();
  },
};

const SECRET = newWebhookSecret();

const JOB = rowCodec('test_jobs', 'id', {
  id: column.text('id'),
  lane: column.text('lane'),
  attempts: column.integer('attempts'),
});
type Job = ReturnType<typeof JOB.read>;
const jobs = (s: Pick<Store, 'db'>) => s.db.withTables<{ test_jobs: JobsTable }>();

/** A receiver that holds each request until told, answering with the status (and headers) the test sets. */
async function startReceiver() {
  const state = {
    url: '',
    status: 204,
    headers: {} as Record<string, string>,
    hold: false,
    seen: [] as string[],
    open: 0,
    maxOpen: 0,
    waiting: [] as (() => void)[],
  };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      state.seen.push(String(request.headers['webhook-id']));
      state.open++;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      const answer = () => {
        state.open--;
        response.writeHead(state.status, state.headers).end();
      };
      if (state.hold) state.waiting.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/jobs`;
  return Object.assign(state, {
    releaseAll: () => state.waiting.splice(0).forEach((answer) => answer()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

function jobWorker(
  store: Store,
  receiver: Receiver,
  options: { clock?: Clock; concurrency?: number; maxAttempts?: number; attempts?: Attempt[] } = {},
): OutboxWorker {
  const clock = options.clock ?? systemClock;
  const spec: OutboxSpec<Job> = {
    table: 'test_jobs',
    what: 'test job',
    read: (row) => JOB.read(row),
    limits: (job) => ({
      key: job.lane,
      concurrency: options.concurrency ?? 10,
      maxAttempts: options.maxAttempts ?? 3,
      timeoutMs: 2_000,
    }),
    request: async (job) => ({ url: receiver.url, id: job.id, body: '{}', secret: SECRET, timeoutMs: 2_000 }),
    recordAttempt: async (_tx, _job, attempt) => void options.attempts?.push(attempt),
    deadLettered: (job, attempt): CloudEvent[] => [
      {
        specversion: '1.0',
        id: `dead-${job.id}`,
        source: '/test',
        type: 'test.job.dead',
        data: { attempts: attempt.number },
      },
    ],
  };
  const record = async <T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>) =>
    store.transaction(async (tx) => {
      const { result, events } = await work(tx);
      await tx.events.append(events.map((event) => ({ event })));
      return result;
    });
  return createOutboxWorker(
    spec,
    { store, clock, logger: silentLogger, record },
    {
      pollMs: 20,
      maxInFlight: 100,
      backoff: { baseMs: 1, capMs: 5, maxRetryAfterMs: 60_000 },
    },
  );
}

async function addJobs(store: Store, lane: string, count: number, at = Date.now(), status = 'pending'): Promise<void> {
  await jobs(store)
    .insertInto('test_jobs')
    .values(
      Array.from({ length: count }, (_, i) => ({
        id: `${lane}-${i}`,
        lane,
        status,
        attempts: 0,
        next_attempt_at: at,
        last_status_code: null,
        last_error: null,
        updated_at: at,
        completed_at: null,
      })),
    )
    .execute();
}

const statuses = async (store: Store) =>
  (await jobs(store).selectFrom('test_jobs').select(['id', 'status']).orderBy('id').execute()).map(
    (r) => `${r.id}:${r.status}`,
  );

describe('the outbox worker on SQLite', () => {
  let store: Store;
  let receiver: Receiver;
  let worker: OutboxWorker | undefined;
  afterEach(async () => {
    receiver.releaseAll();
    await worker?.stop();
    await receiver.close();
    await store.close();
  });

  async function setUp(): Promise<void> {
    store = createSqliteStore({ memory: true });
    await store.migrate([jobsMigration]);
    receiver = await startReceiver();
  }

  it('sends at most `concurrency` rows of one key at a time, and every row once', async () => {
    await setUp();
    receiver.hold = true;
    await addJobs(store, 'a', 6);
    await addJobs(store, 'b', 1);
    worker = jobWorker(store, receiver, { concurrency: 2 });
    worker.start();
    await eventually(() => receiver.open === 3);
    expect(receiver.seen.filter((id) => id.startsWith('a-'))).toHaveLength(2);
    receiver.hold = false;
    receiver.releaseAll();
    await worker.settle();
    expect(receiver.maxOpen).toBe(3);
    expect(new Set(receiver.seen).size).toBe(7);
    expect(await statuses(store)).toEqual([...[0, 1, 2, 3, 4, 5].map((i) => `a-${i}:succeeded`), 'b-0:succeeded']);
  });

  it('sends again a row whose claim lapsed (its process died mid-request)', async () => {
    await setUp();
    worker = jobWorker(store, receiver);
    worker.start();
    await worker.settle();
    await addJobs(store, 'lost', 1, Date.now() - 1, 'in_flight');
    await eventually(async () => (await statuses(store)).includes('lost-0:succeeded'));
    expect(receiver.seen).toEqual(['lost-0']);
  });

  it('retries after what Retry-After asks, records every attempt and dead-letters after the last one', async () => {
    await setUp();
    const clock = new ManualClock('2026-01-05T09:00:00.000Z');
    const attempts: Attempt[] = [];
    receiver.status = 503;
    receiver.headers = { 'retry-after': '7' };
    await addJobs(store, 'x', 1, clock.now().getTime());
    worker = jobWorker(store, receiver, { clock, maxAttempts: 2, attempts });
    worker.start();
    await eventually(() => attempts.length === 1);
    const row = await jobs(store).selectFrom('test_jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 503 });
    expect(row.next_attempt_at).toBe(clock.now().getTime() + 7_000);
    clock.advance(7_000);
    await worker.wake();
    await eventually(() => attempts.length === 2);
    await worker.settle();
    expect(attempts.map((a) => [a.number, a.outcome, a.statusCode])).toEqual([
      [1, 'retry', 503],
      [2, 'dead', 503],
    ]);
    expect(await statuses(store)).toEqual(['x-0:dead']);
    expect((await store.events.query({ types: ['test.job.dead'], limit: 10 })).map((e) => e.data)).toEqual([
      { attempts: 2 },
    ]);
  });
});

const schema = `cello_outbox_${process.pid}_${Date.now().toString(36)}`;
afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
  } catch {
    // No server: nothing was created.
  } finally {
    await client.end().catch(() => {});
  }
});

describeWith(await checkPostgres(), 'the outbox worker on PostgreSQL', () => {
  it('lets two workers over one store claim disjoint rows (SKIP LOCKED): each row is sent once', async () => {
    const stores = [0, 1].map(() => createPostgresStore({ url: POSTGRES_URL, schema, poolSize: 4 }));
    const receiver = await startReceiver();
    try {
      for (const store of stores) await store.migrate([jobsMigration]);
      expect(stores[0]!.capabilities.skipLocked).toBe(true);
      await addJobs(stores[0]!, 'p', 60);
      const workers = stores.map((store) => jobWorker(store, receiver, { concurrency: 60 }));
      for (const worker of workers) worker.start();
      await eventually(async () => (await statuses(stores[0]!)).every((s) => s.endsWith(':succeeded')));
      for (const worker of workers) await worker.stop();
      expect(receiver.seen).toHaveLength(60);
      expect(new Set(receiver.seen).size).toBe(60);
    } finally {
      await receiver.close();
      for (const store of stores) await store.close();
    }
  });
});

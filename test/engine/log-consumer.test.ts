/** The durable log consumer over a real SQLite store: order, type filter, where a new consumer starts, restarts. */
import { afterEach, describe, expect, it } from 'vitest';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';
import { createLogConsumer, EventFeed, type LogConsumer } from '../../src/engine/index.js';
import type { CloudEvent, StoredEvent } from '../../src/model/index.js';
import { silentLogger, systemClock } from '../../src/shared/index.js';
import type { Repositories, Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

const event = (id: string, type = 'com.acme.thing.happened'): CloudEvent => ({
  specversion: '1.0',
  id,
  source: '/test',
  type,
});

describe('the durable log consumer', () => {
  let store: Store;
  let feed: EventFeed;
  const consumers: LogConsumer[] = [];
  afterEach(async () => {
    for (const consumer of consumers.splice(0)) await consumer.stop();
    await feed.stop();
    await store.close();
  });

  async function setUp(): Promise<void> {
    store = createSqliteStore({ memory: true });
    await store.migrate(MODULE_MIGRATIONS);
    feed = new EventFeed(store.events, silentLogger, 20);
    await feed.start();
  }

  function consumer(
    seen: StoredEvent[],
    options: { startFrom?: 'end' | 'beginning'; types?: string[]; fail?: () => boolean } = {},
  ): LogConsumer {
    const record = async <T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>) =>
      store.transaction(async (tx) => (await work(tx)).result);
    const made = createLogConsumer(
      {
        name: 'test',
        startFrom: options.startFrom ?? 'beginning',
        batchSize: 2,
        pollMs: 20,
        ...(options.types ? { types: () => options.types } : {}),
        async handle(events) {
          if (options.fail?.()) throw new Error('the handler failed');
          seen.push(...events);
          return { events: [] };
        },
      },
      { store, clock: systemClock, logger: silentLogger, record, feed },
    );
    consumers.push(made);
    return made;
  }

  it('hands over every event it reads once, in log order and in batches, skipping types it does not read', async () => {
    await setUp();
    await store.events.append(['a', 'b', 'c'].map((id) => ({ event: event(id) })));
    await store.events.append([{ event: event('other', 'com.acme.other') }, { event: event('d') }]);
    const seen: StoredEvent[] = [];
    const reader = consumer(seen, { types: ['com.acme.thing.*'] });
    await reader.start();
    await reader.settle();
    expect(seen.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(reader.position()).toBe(5);
  });

  it('starts a new consumer at the end of the log when asked, and resumes where its cursor is after a restart', async () => {
    await setUp();
    await store.events.append([{ event: event('before') }]);
    const seen: StoredEvent[] = [];
    const first = consumer(seen, { startFrom: 'end' });
    await first.start();
    await store.events.append([{ event: event('while-running') }]);
    await first.settle();
    await first.stop();
    await store.events.append([{ event: event('while-stopped') }]);
    const second = consumer(seen, { startFrom: 'end' });
    await second.start();
    await second.settle();
    expect(seen.map((e) => e.id)).toEqual(['while-running', 'while-stopped']);
  });

  it('leaves the cursor where it was when a batch fails, and hands the batch over again', async () => {
    await setUp();
    await store.events.append([{ event: event('a') }]);
    const seen: StoredEvent[] = [];
    let failures = 1;
    const reader = consumer(seen, { fail: () => failures-- > 0 });
    await reader.start();
    await reader.settle();
    expect(seen.map((e) => e.id)).toEqual(['a']);
  });
});

import { matchesTypePattern, type CloudEvent, type StoredEvent } from '../../model/index.js';
import type { Clock, Logger } from '../../shared/index.js';
import { isUniqueKeyConflict, type Repositories, type Store } from '../../store/index.js';
import type { FeedListener } from '../event-feed.js';
import { createPoller } from '../poller.js';
import type { RecordChange } from '../publish/record-change.js';
import { ensureCursor, storeSkippedPosition } from './consumer-cursor.js';
import { runBatch } from './run-batch.js';

/** What one batch did: the events that record its effects, and how far it went. */
export interface BatchOutcome {
  /** Appended (and routed) in the batch's transaction. */
  events: CloudEvent[];
  /** The last position the batch covers, when the handler stopped before the end of what it was given. */
  through?: number;
  /** Runs once the batch committed (waking an outbox, say). */
  committed?(): void;
}

/** A consumer: its name (the cursor's key), what it reads, and what it does with a batch. */
export interface LogConsumerSpec {
  name: string;
  /** Where a consumer that has no cursor yet begins: `end` (from now on) or `beginning` (the whole log). */
  startFrom: 'end' | 'beginning';
  /** Events per batch (one transaction each). */
  batchSize: number;
  /** How often the log is read when nothing woke the consumer. */
  pollMs: number;
  /** The types it reads (exact, or prefixes ending in `.*`); undefined: every event. Asked before each batch. */
  types?(): readonly string[] | undefined;
  /** Handles a batch inside its transaction: every write through `tx`, nothing through the root store. */
  handle(events: readonly StoredEvent[], tx: Repositories): Promise<BatchOutcome>;
}

export interface LogConsumerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  record: RecordChange;
  /** Commit notices of this process and others (the runtime's feed): wake-ups, never the source of events. */
  feed: { subscribe(listener: FeedListener): () => void };
}

/** A durable reader of the log. */
export interface LogConsumer {
  /** Reads (or creates) the cursor and starts reading after it. */
  start(): Promise<void>;
  /** Stops reading; waits for the batch in progress. */
  stop(): Promise<void>;
  /** Reads what is there now; resolves when that run is over. */
  wake(): Promise<void>;
  /** Resolves once everything committed so far has been consumed (by this instance or another). */
  settle(): Promise<void>;
  /** The position consumed so far, as this instance knows it. */
  position(): number;
}

/** A batch that loses a race for a unique key runs again, reading the winner's row. */
const MAX_ATTEMPTS = 3;
/** Positions reached by skipping unread events are stored at most this often (a crash re-reads, and skips, them). */
const SKIPPED_POSITION_EVERY_MS = 1_000;

/**
 * The one durable way to read the log: a stored cursor per consumer name, batches in log order, each in one
 * transaction that takes the cursor, runs the handler and moves the cursor with its effects. So every event is
 * handled once per consumer: after a crash (the batch rolled back, or committed with its cursor), and across
 * instances sharing a store (the cursor's row lock lets one instance at a time run a batch). Events committed
 * while no instance ran are read at the next start. Woken by the feed's commit notices, and by a poll.
 */
export function createLogConsumer(spec: LogConsumerSpec, deps: LogConsumerDeps): LogConsumer {
  let position = 0;
  let skippedStoredAt = 0;
  let unsubscribe: (() => void) | undefined;
  const relevant = (type: string, types: readonly string[] | undefined) =>
    !types || types.some((pattern) => matchesTypePattern(type, pattern));

  /** One batch under the cursor's lock; false when another instance holds the cursor. */
  async function batch(types: readonly string[] | undefined): Promise<boolean> {
    const outcome = await runBatch(spec, deps, types);
    // Another instance holds the cursor: it reads these events; the poll looks again.
    if (!outcome) return false;
    position = Math.max(position, outcome.through);
    outcome.handled.committed?.();
    return true;
  }

  async function run(): Promise<void> {
    for (;;) {
      const types = spec.types?.();
      const head = await deps.store.events.lastSeq();
      // Outside a transaction, a cheap look: is anything it reads there past what it knows is done?
      const [next] =
        head > position
          ? await deps.store.events.query({ afterSeq: position, limit: 1, ...(types ? { types: [...types] } : {}) })
          : [];
      if (!next) {
        position = Math.max(position, head);
        await storeSkipped();
        return;
      }
      for (let attempt = 1; ; attempt++) {
        try {
          if (!(await batch(types))) return;
          break;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isUniqueKeyConflict(error)) throw error;
        }
      }
    }
  }

  async function storeSkipped(): Promise<void> {
    const now = deps.clock.now().getTime();
    if (now - skippedStoredAt < SKIPPED_POSITION_EVERY_MS) return;
    skippedStoredAt = now;
    await storeSkippedPosition(deps.store, spec.name, position, now);
  }

  const poller = createPoller({
    name: `the ${spec.name} log consumer`,
    intervalMs: spec.pollMs,
    run,
    logger: deps.logger,
  });

  /** Commits it reads wake it; a run of events it does not read, right after its position, is skipped in memory. */
  function noticed(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    const types = spec.types?.();
    if (!poller.busy && events[0]!.seq <= position + 1 && !events.some((e) => relevant(e.type, types)))
      position = Math.max(position, events[events.length - 1]!.seq);
    else void poller.wake();
  }

  return {
    async start() {
      if (unsubscribe) return;
      const now = deps.clock.now().getTime();
      position = await ensureCursor(
        deps.store,
        spec.name,
        async () => (spec.startFrom === 'end' ? deps.store.events.lastSeq() : 0),
        now,
      );
      unsubscribe = deps.feed.subscribe(noticed);
      poller.start();
      void poller.wake();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      await poller.stop();
    },
    wake: () => poller.wake(),
    async settle() {
      for (let round = 0; round < 200; round++) {
        await poller.wake();
        if (position >= (await deps.store.events.lastSeq())) return;
        // Another instance holds the cursor: give it time to commit.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    position: () => position,
  };
}

import type { Clock, Logger } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../delivery/backoff.js';
import { createPoller } from '../poller.js';
import { claimDueRows, releaseLapsedClaims, type Slot } from './claim-due-rows.js';
import type { OutboxRow, OutboxSpec } from './outbox-spec.js';
import type { RecordChange } from '../publish/record-change.js';
import { settleAttempt } from './settle-attempt.js';

/** An outbox worker: claims due rows, sends them, settles each attempt. */
export interface OutboxWorker {
  /** Starts polling for due rows, and sends what is due now. */
  start(): void;
  /** Looks for due rows now; resolves when that scan is over (the sends it started go on). */
  wake(): Promise<void>;
  /** Resolves when nothing is due and nothing is in flight (tests, benchmarks). */
  settle(): Promise<void>;
  /** Stops claiming; waits for the requests in flight to be settled. */
  stop(): Promise<void>;
}

export interface OutboxWorkerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  record: RecordChange;
}

export interface OutboxWorkerOptions {
  /** How often due rows (retries, other processes' rows) are looked for when nothing wakes the worker. */
  pollMs: number;
  /** Requests in flight at once over every key. */
  maxInFlight: number;
  backoff?: BackoffOptions;
}

/** Rows read per scan, at most. */
const SCAN_LIMIT = 256;

/**
 * The one claim/lease/backoff loop of Cello's outboxes (subscription deliveries, workflow webhooks), parameterised by
 * the table and its spec: at least once, per-key concurrency, a lease that lapses after a crash, backoff with full
 * jitter, `Retry-After` honoured, dead letters recorded as events, every attempt recorded.
 */
export function createOutboxWorker<Row extends OutboxRow>(
  spec: OutboxSpec<Row>,
  deps: OutboxWorkerDeps,
  options: OutboxWorkerOptions,
): OutboxWorker {
  const running = new Set<Promise<void>>();
  const perKey = new Map<string, number>();
  let inFlight = 0;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  // A store only this process writes: every claim found at start-up belongs to a process that died mid-request.
  let releaseAll = !deps.store.capabilities.sharedByProcesses;
  let stopped = false;

  function reserve(row: Row): Slot | undefined {
    const limits = spec.limits(row);
    const busy = perKey.get(limits.key) ?? 0;
    if (busy >= limits.concurrency || inFlight >= options.maxInFlight) return undefined;
    perKey.set(limits.key, busy + 1);
    inFlight++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      perKey.set(limits.key, (perKey.get(limits.key) ?? 1) - 1);
      inFlight--;
    };
    return { limits, release };
  }

  function send(row: Row, slot: Slot): void {
    const task: Promise<void> = settleAttempt(
      spec,
      { clock: deps.clock, record: deps.record, backoff },
      row,
      slot.limits,
    )
      .then(() => undefined)
      .catch((error: unknown) =>
        deps.logger.error({ err: error, id: row.id }, `recording a ${spec.what} attempt failed`),
      )
      .finally(() => {
        slot.release();
        running.delete(task);
        if (!stopped) void poller.wake();
      });
    running.add(task);
  }

  async function scan(): Promise<void> {
    const now = deps.clock.now().getTime();
    await releaseLapsedClaims(deps.store, spec.table, now, releaseAll);
    releaseAll = false;
    const room = Math.min(SCAN_LIMIT, options.maxInFlight - inFlight);
    for (const { row, slot } of await claimDueRows(deps.store, spec, now, room, reserve)) send(row, slot);
  }

  const poller = createPoller({
    name: `scanning the ${spec.table} outbox`,
    intervalMs: options.pollMs,
    run: scan,
    logger: deps.logger,
  });

  return {
    start() {
      stopped = false;
      poller.start();
      void poller.wake();
    },
    wake: () => poller.wake(),
    async settle() {
      for (let round = 0; round < 1000; round++) {
        await poller.wake();
        if (running.size === 0) return;
        await Promise.allSettled([...running]);
      }
    },
    async stop() {
      stopped = true;
      await poller.stop();
      await Promise.allSettled([...running]);
    },
  };
}

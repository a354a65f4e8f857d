import { createPoller, type Poller, type RecordChange } from '../../engine/index.js';
import type { Clock, Logger } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { dueTimers, fireTimers } from './timer-firing.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { workflowDb } from './workflow-db.js';
import type { WriteSet } from './write-set.js';

/** The durable timers' loop. */
export interface TimerService extends Pick<Poller, 'start' | 'stop' | 'wake'> {
  /** Fires every timer that is due now; resolves with how many fired (calls during a run share it). */
  fireDue(): Promise<number>;
}

/** Fires due timers on a poll, `batch` per transaction, each transaction with what the timers trigger. */
export function createTimerService(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  record: RecordChange;
  registry(): WorkflowRegistry;
  committed(writes: WriteSet): void;
  pollMs: number;
  batch: number;
}): TimerService {
  let firing: Promise<number> | undefined;

  async function fireAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = deps.clock.now().getTime();
      const due = await dueTimers(workflowDb(deps.store.db), now, deps.batch);
      if (due.length === 0) return total;
      const { fired, writes } = await deps.record(async (tx) => {
        const wdb = workflowDb(tx.db);
        const result = await fireTimers(wdb, deps.registry(), due, now);
        await result.writes.flush(wdb, now);
        return { result, events: result.writes.events };
      });
      deps.committed(writes);
      total += fired;
      if (due.length < deps.batch) return total;
    }
  }

  function fireDue(): Promise<number> {
    firing ??= fireAll().finally(() => (firing = undefined));
    return firing;
  }

  const poller = createPoller({
    name: 'firing workflow timers',
    intervalMs: deps.pollMs,
    logger: deps.logger,
    run: async () => void (await fireDue()),
  });
  return {
    start: () => poller.start(),
    wake: () => poller.wake(),
    async stop() {
      await poller.stop();
      await firing;
    },
    fireDue,
  };
}

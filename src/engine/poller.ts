import type { Logger } from '../shared/index.js';

/** A periodic loop that never overlaps itself. */
export interface Poller {
  /** Runs on every interval from now on (not at once: `wake()` for that). */
  start(): void;
  /**
   * Runs now, or once more after the run in progress (however many wakes arrive meanwhile: they share that one
   * run). Resolves when that run is over; never rejects (a failed run is logged). After `stop()`, runs nothing.
   */
  wake(): Promise<void>;
  /** Stops the interval and waits for the run in progress; a wake that was waiting for it runs nothing. */
  stop(): Promise<void>;
  /** Whether a run is in progress. */
  readonly busy: boolean;
}

export interface PollerOptions {
  /** What runs, for the log line when it fails: `scanning the delivery outbox`. */
  name: string;
  /** Milliseconds between runs when nothing wakes it; 0: only when woken. */
  intervalMs: number;
  run(): Promise<void>;
  logger: Logger;
}

/**
 * The one way Cello runs periodic work (outbox scans, log consumers, timers, ticks, the feed's poll): one run at a
 * time, a wake during a run causes exactly one more, errors are logged and the next tick still runs.
 */
export function createPoller(options: PollerOptions): Poller {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  function begin(): Promise<void> {
    const run = (async () => {
      try {
        await options.run();
      } catch (error) {
        options.logger.error({ err: error }, `${options.name} failed; trying again on the next poll`);
      }
    })().then(() => {
      current = undefined;
    });
    current = run;
    return run;
  }

  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (queued) return queued;
    if (!current) return begin();
    // Runs once the current run is over; wakes arriving until then share it.
    queued = current.then(() => {
      queued = undefined;
      return stopped ? undefined : begin();
    });
    return queued;
  }

  return {
    start() {
      stopped = false;
      if (timer || options.intervalMs <= 0) return;
      timer = setInterval(() => void wake(), options.intervalMs);
      // A loop in the background must not keep the process alive on its own.
      timer.unref();
    },
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await queued;
      await current;
    },
    get busy() {
      return current !== undefined;
    },
  };
}

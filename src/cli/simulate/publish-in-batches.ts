import { CelloHttpError, LimitError, type PublishEvent, type PublishReceipt } from '../../client/index.js';

/** Publishes one batch; `retryAfterMs` says what the server's last 429 asked to wait, when it said. */
export interface BatchSink {
  publish(events: readonly PublishEvent[]): Promise<PublishReceipt>;
  retryAfterMs(): number | undefined;
}

export interface BatchOptions {
  /** Events per request (the server takes up to 1,000). */
  batchSize: number;
  /** How many 429s in a row to wait out before giving up. */
  maxWaits: number;
  sleep(ms: number): Promise<void>;
  /** Told before each wait, to say why the command pauses. */
  onWait?(ms: number): void;
}

/** Per event type: events the log stored now, and events it already held (same source and id). */
export type PublishTally = Map<string, { published: number; duplicates: number }>;

/**
 * Publishes events in order, in batches (CloudEvents batch mode: each all or nothing), waiting out the server's
 * rate limit: a 429 pauses for its Retry-After (1 s, doubling, without one) and the same batch is sent again,
 * which is safe because publishing is idempotent on source and id. Any other refusal ends the run.
 */
export async function publishInBatches(
  events: readonly PublishEvent[],
  sink: BatchSink,
  options: BatchOptions,
): Promise<PublishTally> {
  const tally: PublishTally = new Map();
  for (let start = 0; start < events.length; start += options.batchSize) {
    const batch = events.slice(start, start + options.batchSize);
    const receipt = await withRateLimit(() => sink.publish(batch), sink, options);
    receipt.events.forEach((outcome, i) => {
      const type = batch[i]!.type;
      const entry = tally.get(type) ?? { published: 0, duplicates: 0 };
      if (outcome.duplicate) entry.duplicates++;
      else entry.published++;
      tally.set(type, entry);
    });
  }
  return tally;
}

async function withRateLimit<T>(send: () => Promise<T>, sink: BatchSink, options: BatchOptions): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await send();
    } catch (error) {
      if (!isRateLimited(error) || waits >= options.maxWaits) throw error;
      const ms = sink.retryAfterMs() ?? Math.min(60_000, 1_000 * 2 ** waits);
      options.onWait?.(ms);
      await options.sleep(ms);
    }
  }
}

/** The server's rate limit answers 429 (`limit_exceeded` with status 429 in Cello's error body). */
function isRateLimited(error: unknown): boolean {
  if (error instanceof CelloHttpError) return error.status === 429;
  return error instanceof LimitError && error.details.status === 429;
}

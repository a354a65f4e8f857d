import type { LogConsumerDeps, LogConsumerSpec, BatchOutcome } from './log-consumer.js';
import { lockCursor, moveCursor } from './consumer-cursor.js';

/**
 * One transaction of a consumer: take its cursor, read a batch after it (of `types`), handle it, move the cursor
 * past it, and append the events the handler recorded. Undefined when another instance holds the cursor.
 */
export async function runBatch(
  spec: LogConsumerSpec,
  deps: Pick<LogConsumerDeps, 'store' | 'clock' | 'record'>,
  types: readonly string[] | undefined,
): Promise<{ through: number; handled: BatchOutcome } | undefined> {
  return deps.record(async (tx) => {
    const stored = await lockCursor(deps.store, tx, spec.name);
    if (stored === undefined) return { result: undefined, events: [] };
    const head = await tx.events.lastSeq();
    const fetched = await tx.events.query({
      afterSeq: stored,
      limit: spec.batchSize,
      ...(types ? { types: [...types] } : {}),
    });
    // A full batch ends at its last event; a short one covers everything up to the head (the rest is not read).
    const end = fetched.length === spec.batchSize ? fetched[fetched.length - 1]!.seq : head;
    const handled: BatchOutcome = fetched.length > 0 ? await spec.handle(fetched, tx) : { events: [] };
    const through = Math.min(handled.through ?? end, end);
    if (through > stored) await moveCursor(tx, spec.name, through, deps.clock.now().getTime());
    return { result: { through, handled }, events: handled.events };
  });
}

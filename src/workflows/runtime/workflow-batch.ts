import type { StoredEvent } from '../../model/index.js';
import { ManifestApplied } from '../../model/index.js';
import type { BatchOutcome } from '../../engine/index.js';
import type { Repositories } from '../../store/index.js';
import { upgradeNotices } from '../drift/upgrade-notices.js';
import { processEventBatch } from './event-batch.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { workflowDb } from './workflow-db.js';
import type { WriteSet } from './write-set.js';

/** What a batch needs from the engine: its registry, reloading it, and what to do once the batch committed. */
export interface WorkflowBatchContext {
  registry(): WorkflowRegistry;
  /** Builds the registry again from the manifests `tx` reads (an apply is the batch's first event). */
  reload(tx: Repositories): Promise<void>;
  now(): number;
  committed(writes: WriteSet): void;
}

/**
 * Handles one batch of the log for the workflows' consumer, inside its transaction. An apply changes the
 * workflows: events before it run with the old ones; a batch that starts with the apply reloads the registry,
 * handles the apply alone (its upgrade notices) and ends there, so later events run with the new workflows.
 */
export async function handleWorkflowBatch(
  ctx: WorkflowBatchContext,
  fetched: readonly StoredEvent[],
  tx: Repositories,
): Promise<BatchOutcome> {
  const applyAt = fetched.findIndex((e) => e.type === ManifestApplied);
  const reload = applyAt === 0;
  let events = fetched;
  let through: number | undefined;
  if (applyAt >= 0) {
    events = fetched.slice(0, Math.max(applyAt, 1));
    through = reload ? fetched[0]!.seq : fetched[applyAt]!.seq - 1;
  }
  if (reload) await ctx.reload(tx);
  const now = ctx.now();
  const wdb = workflowDb(tx.db);
  const writes = await processEventBatch(wdb, ctx.registry(), events, now);
  if (reload) writes.events.push(...upgradeNotices(ctx.registry().manifests, new Date(now)));
  await writes.flush(wdb, now);
  return {
    events: writes.events,
    ...(through !== undefined ? { through } : {}),
    committed: () => ctx.committed(writes),
  };
}

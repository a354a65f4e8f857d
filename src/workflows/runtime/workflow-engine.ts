import type { CloudEvent, StoredEvent } from '../../model/index.js';
import type { Repositories } from '../../store/index.js';
import { MANIFEST_APPLIED } from '../../manifests/index.js';
import { createPoller, type Runtime } from '../../engine/index.js';
import { upgradeNotices } from '../drift/upgrade-notices.js';
import { processEventBatch } from './event-batch.js';
import { createInstanceQueries } from './instance-queries.js';
import { createTaskService } from './task-service.js';
import { dueTimers, fireTimers } from './timer-firing.js';
import { DEFAULT_WEBHOOK_OPTIONS, createWebhookSender, type WebhookSenderOptions } from './webhook-sender.js';
import { summarizeWorkflows } from './workflow-summary.js';
import { createWorkflowRegistry, type WorkflowRegistry } from './workflow-registry.js';
import { workflowDb } from './workflow-db.js';
import type { WriteSet } from './write-set.js';

export interface WorkflowEngineOptions {
  /** Log events read and processed per transaction. */
  batchSize: number;
  /** How often the log is checked when no commit woke the engine (writes by other processes). */
  pollMs: number;
  /** How often due timers are looked for. */
  timerPollMs: number;
  /** Timers fired per transaction. */
  timerBatch: number;
  /**
   * Where the cursor starts the first time the engine runs on a store: `end` (default) reacts only to events
   * recorded from then on; `beginning` also runs the workflows over the log's history.
   */
  startFrom: 'end' | 'beginning';
  webhooks: WebhookSenderOptions;
}

export const DEFAULT_WORKFLOW_ENGINE_OPTIONS: WorkflowEngineOptions = {
  batchSize: 500,
  pollMs: 1_000,
  timerPollMs: 500,
  timerBatch: 200,
  startFrom: 'end',
  webhooks: DEFAULT_WEBHOOK_OPTIONS,
};

/** The one cursor row this engine keeps in `workflow_cursor`. */
export const CURSOR_NAME = 'workflows';

/** Thrown inside a batch's transaction when another process moved the cursor first: roll back, re-read, go on. */
class CursorMoved extends Error {}

/**
 * The workflow engine: consumes committed events from the log after its durable cursor, starts and advances
 * instances, fires durable timers, and sends step webhooks through an outbox. Every batch moves the cursor in
 * the same transaction as its effects and the events that record them, so after any crash (SIGKILL included)
 * it resumes exactly where it was: nothing skipped, nothing done twice.
 */
export function createWorkflowEngine(runtime: Runtime, options: Partial<WorkflowEngineOptions> = {}) {
  const opts: WorkflowEngineOptions = {
    ...DEFAULT_WORKFLOW_ENGINE_OPTIONS,
    ...options,
    webhooks: { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks },
  };
  const { store, clock, logger } = runtime;
  const record = <T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>) =>
    runtime.publisher.record(work);
  const sender = createWebhookSender({ store, clock, logger, record }, opts.webhooks);
  const db = () => workflowDb(store.db);
  let registry: WorkflowRegistry = createWorkflowRegistry([]);
  /** The log position processed so far, and the one stored in `workflow_cursor` (behind it only by skipped, irrelevant events). */
  let cursor = 0;
  let persisted = 0;
  let persistTimer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = true;
  let firing: Promise<number> | undefined;
  let unsubscribe: (() => void) | undefined;

  async function loadRegistry(): Promise<void> {
    registry = createWorkflowRegistry(
      (await store.manifests.current()).map((v) => v.manifest),
      logger,
    );
  }

  async function readCursor(): Promise<number> {
    const row = await db()
      .selectFrom('workflow_cursor')
      .select('seq')
      .where('name', '=', CURSOR_NAME)
      .executeTakeFirst();
    if (row) return Number(row.seq);
    const seq = opts.startFrom === 'end' ? await store.events.lastSeq() : 0;
    await db()
      .insertInto('workflow_cursor')
      .values({ name: CURSOR_NAME, seq, updated_at: clock.now().getTime() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return readCursor();
  }

  /** Processes the next batch of the log; false when the cursor has caught up. */
  async function processNext(): Promise<boolean> {
    const upTo = await store.events.lastSeq();
    if (upTo <= cursor) return false;
    const fetched = (
      await store.events.query({
        afterSeq: cursor,
        limit: opts.batchSize,
        types: [...registry.types, MANIFEST_APPLIED],
      })
    ).filter((e) => e.seq <= upTo);
    let events = fetched;
    let last = fetched.length === opts.batchSize ? fetched[fetched.length - 1]!.seq : upTo;
    // An apply changes the workflows: events before it run with the old ones, the apply and what follows with the new.
    const applyAt = fetched.findIndex((e) => e.type === MANIFEST_APPLIED);
    const reload = applyAt === 0;
    if (applyAt >= 0) {
      events = fetched.slice(0, Math.max(applyAt, 1));
      last = reload ? fetched[0]!.seq : fetched[applyAt]!.seq - 1;
    }
    if (reload) await loadRegistry();
    if (events.length === 0 && !reload) {
      skipTo(last);
      return true;
    }
    const from = persisted;
    const now = clock.now().getTime();
    try {
      const writes = await record(async (tx) => {
        const wdb = workflowDb(tx.db);
        const moved = await wdb
          .updateTable('workflow_cursor')
          .set({ seq: last, updated_at: now })
          .where('name', '=', CURSOR_NAME)
          .where('seq', '=', from)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new CursorMoved();
        const batch = await processEventBatch(wdb, registry, events, now);
        if (reload) batch.events.push(...upgradeNotices(registry.manifests, new Date(now)));
        await batch.flush(wdb, now);
        return { result: batch, events: batch.events };
      });
      cursor = persisted = last;
      afterCommit(writes);
    } catch (error) {
      if (!(error instanceof CursorMoved)) throw error;
      cursor = persisted = await readCursor();
    }
    return true;
  }

  /**
   * Moves past events no workflow reacts to without a write transaction per commit; the stored cursor catches up
   * within a second. After a crash the skipped events are read again and, being irrelevant, do nothing.
   */
  function skipTo(seq: number): void {
    cursor = Math.max(cursor, seq);
    persistTimer ??= setTimeout(() => {
      persistTimer = undefined;
      const to = cursor;
      void db()
        .updateTable('workflow_cursor')
        .set({ seq: to, updated_at: clock.now().getTime() })
        .where('name', '=', CURSOR_NAME)
        .where('seq', '=', persisted)
        .executeTakeFirst()
        .then(async (moved) => {
          if (Number(moved.numUpdatedRows) === 1) persisted = Math.max(persisted, to);
          else cursor = persisted = await readCursor();
        })
        .catch((error: unknown) => logger.error({ err: error }, 'storing the workflow cursor failed; retrying'));
    }, 1_000);
    persistTimer.unref();
  }

  /** Committed events: irrelevant ones that follow the cursor are skipped in memory; anything else is drained. */
  function onCommitted(events: readonly StoredEvent[]): void {
    const relevant = events.some((e) => registry.types.has(e.type) || e.type === MANIFEST_APPLIED);
    if (!relevant && !drainer.busy && events.length > 0 && events[0]!.seq <= cursor + 1)
      skipTo(events[events.length - 1]!.seq);
    else void drain();
  }

  function afterCommit(writes: WriteSet): void {
    if (writes.webhooks.length > 0) void sender.wake();
  }

  const drainer = createPoller({
    name: 'processing workflow events',
    intervalMs: opts.pollMs,
    logger,
    run: async () => {
      while (await processNext()) {
        // keep going until caught up
      }
    },
  });
  /** Processes everything committed so far; calls during a run share the one run after it. */
  const drain = () => drainer.wake();

  /** Fires every timer that is due now; resolves with how many fired (calls during a run share it). */
  function fireDueTimers(): Promise<number> {
    firing ??= fireAll().finally(() => (firing = undefined));
    return firing;
  }

  async function fireAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = clock.now().getTime();
      const due = await dueTimers(db(), now, opts.timerBatch);
      if (due.length === 0) return total;
      const { fired, writes } = await record(async (tx) => {
        const wdb = workflowDb(tx.db);
        const result = await fireTimers(wdb, registry, due, now);
        await result.writes.flush(wdb, now);
        return { result, events: result.writes.events };
      });
      afterCommit(writes);
      total += fired;
      if (due.length < opts.timerBatch) return total;
    }
  }

  const timers = createPoller({
    name: 'firing workflow timers',
    intervalMs: opts.timerPollMs,
    logger,
    run: async () => void (await fireDueTimers()),
  });

  const instances = createInstanceQueries(store);
  const tasks = createTaskService({ store, clock, record });

  return {
    options: opts,
    async start(): Promise<void> {
      if (started) return;
      started = true;
      stopped = false;
      await loadRegistry();
      cursor = persisted = await readCursor();
      unsubscribe = runtime.feed.subscribe(onCommitted);
      drainer.start();
      timers.start();
      sender.start();
      // Notices are deduplicated by the log, so announcing on every start is safe and catches applies made while down.
      await record(async () => ({ result: undefined, events: upgradeNotices(registry.manifests, clock.now()) }));
      void drain();
      void timers.wake();
    },
    /** Stops reading the log and firing timers; waits for the batch and the webhook calls in progress. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      started = false;
      unsubscribe?.();
      clearTimeout(persistTimer);
      persistTimer = undefined;
      await drainer.stop();
      await timers.stop();
      await firing;
      await sender.stop();
    },
    drain,
    fireDueTimers,
    /** Drains the log, fires due timers and waits for due webhook calls: for tests and the benchmark. */
    async settle(): Promise<void> {
      await runtime.feed.settle();
      await drain();
      await fireDueTimers();
      await drain();
      await sender.wake();
      await sender.settle();
    },
    /** The log position processed so far. */
    position: () => cursor,
    registry: () => registry,
    /** Every workflow with its template version, resolution, guardrail verdicts and instance counts. */
    list: async () => summarizeWorkflows(registry, await instances.counts()),
    instances,
    tasks,
    /** The signing secret of a workflow's webhook calls. */
    webhookSecret: (workflow: string) => sender.secretOf(workflow),
  };
}

export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;

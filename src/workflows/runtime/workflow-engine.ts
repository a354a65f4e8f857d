import { ManifestApplied } from '../../model/index.js';
import { createLogConsumer, type Runtime, type Service } from '../../engine/index.js';
import type { ManifestStore } from '../../store/index.js';
import { upgradeNotices } from '../drift/upgrade-notices.js';
import { createInstanceQueries, type InstanceQueries } from './instance-queries.js';
import { createTaskService, type TaskService } from './task-service.js';
import { createTimerService } from './timer-service.js';
import { DEFAULT_WEBHOOK_OPTIONS, createWebhookSender, type WebhookSenderOptions } from './webhook-sender.js';
import { handleWorkflowBatch } from './workflow-batch.js';
import { summarizeWorkflows, type WorkflowSummary } from './workflow-summary.js';
import { createWorkflowRegistry, type WorkflowRegistry } from './workflow-registry.js';
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
   * Where its log consumer starts the first time the engine runs on a store: `end` (default) reacts only to events
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

/** The name of the workflows' cursor among the log consumers (`log_consumers`). */
export const CURSOR_NAME = 'workflows';

/** The workflow engine, a module service: started and stopped by src/app. */
export interface WorkflowEngine extends Service {
  readonly options: WorkflowEngineOptions;
  /** Processes everything committed so far; calls during a run share the one run after it. */
  drain(): Promise<void>;
  /** Fires every timer that is due now; resolves with how many fired. */
  fireDueTimers(): Promise<number>;
  /** Drains the log, fires due timers and waits for due webhook calls: for tests and the benchmark. */
  settle(): Promise<void>;
  /** The log position processed so far. */
  position(): number;
  registry(): WorkflowRegistry;
  /** Every workflow with its template version, resolution, guardrail verdicts and instance counts. */
  list(): Promise<WorkflowSummary[]>;
  instances: InstanceQueries;
  tasks: TaskService;
  /** The signing secret of a workflow's webhook calls. */
  webhookSecret(workflow: string): Promise<string>;
}

/**
 * The workflow engine: a durable log consumer (`workflows`) starts and advances instances, durable timers fire,
 * and step webhooks go out through an outbox. Every batch moves the consumer's cursor in the same transaction as
 * its effects and the events that record them, so after any crash (SIGKILL included) it resumes exactly where it
 * was: nothing skipped, nothing done twice; with several instances on one store, each batch runs on one of them.
 */
export function createWorkflowEngine(runtime: Runtime, options: Partial<WorkflowEngineOptions> = {}): WorkflowEngine {
  const opts: WorkflowEngineOptions = {
    ...DEFAULT_WORKFLOW_ENGINE_OPTIONS,
    ...options,
    webhooks: { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks },
  };
  const { store, clock, logger } = runtime;
  const record = runtime.publisher.record;
  const sender = createWebhookSender({ store, clock, logger, record }, opts.webhooks);
  let registry: WorkflowRegistry = createWorkflowRegistry([]);
  let started = false;

  async function loadRegistry(manifests: ManifestStore): Promise<void> {
    registry = createWorkflowRegistry(
      (await manifests.current()).map((v) => v.manifest),
      logger,
    );
  }
  const committed = (writes: WriteSet) => {
    if (writes.webhooks.length > 0) void sender.wake();
  };

  const consumer = createLogConsumer(
    {
      name: CURSOR_NAME,
      startFrom: opts.startFrom,
      batchSize: opts.batchSize,
      pollMs: opts.pollMs,
      types: () => [...registry.types, ManifestApplied],
      handle: (events, tx) =>
        handleWorkflowBatch(
          {
            registry: () => registry,
            reload: (repos) => loadRegistry(repos.manifests),
            now: () => clock.now().getTime(),
            committed,
          },
          events,
          tx,
        ),
    },
    { store, clock, logger, record, feed: runtime.feed },
  );
  const timers = createTimerService({
    store,
    clock,
    logger,
    record,
    registry: () => registry,
    committed,
    pollMs: opts.timerPollMs,
    batch: opts.timerBatch,
  });
  const instances = createInstanceQueries(store);

  return {
    options: opts,
    async start(): Promise<void> {
      if (started) return;
      started = true;
      await loadRegistry(store.manifests);
      await consumer.start();
      timers.start();
      sender.start();
      // Notices are deduplicated by the log, so announcing on every start is safe and catches applies made while down.
      await record(async () => ({ result: undefined, events: upgradeNotices(registry.manifests, clock.now()) }));
      void timers.wake();
    },
    /** Stops reading the log and firing timers; waits for the batch and the webhook calls in progress. */
    async stop(): Promise<void> {
      if (!started) return;
      started = false;
      await consumer.stop();
      await timers.stop();
      await sender.stop();
    },
    drain: () => consumer.wake(),
    fireDueTimers: () => timers.fireDue(),
    async settle(): Promise<void> {
      await runtime.feed.settle();
      await consumer.settle();
      await timers.fireDue();
      await consumer.settle();
      await sender.wake();
      await sender.settle();
    },
    position: () => consumer.position(),
    registry: () => registry,
    list: async () => summarizeWorkflows(registry, await instances.counts()),
    instances,
    tasks: createTaskService({ store, clock, record }),
    webhookSecret: (workflow) => sender.secretOf(workflow),
  };
}

/** A workflow engine over a real SQLite store (in memory or a data folder), for integration tests. */
import { parse } from 'yaml';
import { createRuntime, type Runtime } from '../../src/engine/index.js';
import { createWorkflowEngine, type WorkflowEngine, type WorkflowEngineOptions } from '../../src/workflows/index.js';
import { applyManifests } from '../../src/manifests/index.js';
import type { CloudEvent, Manifest } from '../../src/model/index.js';
import { newId, silentLogger, systemClock, type Clock } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';

/** Parses YAML documents separated by `---` lines into manifests. */
export function manifests(yaml: string): Manifest[] {
  return yaml
    .split(/^---$/m)
    .filter((d) => d.trim())
    .map((d) => parse(d) as Manifest);
}

export interface Harness {
  store: Store;
  runtime: Runtime;
  engine: WorkflowEngine;
  publish(type: string, subject: string, data?: unknown): Promise<number>;
  close(): Promise<void>;
}

/** Applies `org`, then starts a runtime and a workflow engine with fast polls. */
export async function startHarness(
  org: Manifest[],
  options: {
    clock?: Clock;
    dataDir?: string;
    engine?: Partial<WorkflowEngineOptions>;
    apply?: boolean;
    store?: Store;
  } = {},
): Promise<Harness> {
  const clock = options.clock ?? systemClock;
  const store =
    options.store ??
    createSqliteStore(
      options.dataDir ? { dataDir: options.dataDir, clock, synchronous: 'normal' } : { memory: true, clock },
    );
  await store.migrate(MODULE_MIGRATIONS);
  if (options.apply !== false) await applyManifests(store, org, { clock, actor: 'test' });
  const runtime = await createRuntime({ store, logger: silentLogger, clock, feedPollMs: 50, delivery: { pollMs: 50 } });
  const engine = createWorkflowEngine(runtime, {
    pollMs: 50,
    timerPollMs: 50,
    ...options.engine,
    webhooks: { maxAttempts: 3, timeoutMs: 2_000, concurrency: 4, pollMs: 50, ...options.engine?.webhooks },
  });
  await runtime.start();
  await engine.start();
  return {
    store,
    runtime,
    engine,
    async publish(type, subject, data = {}) {
      const event: CloudEvent = {
        specversion: '1.0',
        id: newId(),
        source: '/test',
        type,
        subject,
        time: clock.now().toISOString(),
        datacontenttype: 'application/json',
        data,
      };
      const [outcome] = await runtime.publisher.publish({ kind: 'admin' }, [event]);
      return outcome!.seq;
    },
    async close() {
      await engine.stop();
      await runtime.stop();
      await store.close();
    },
  };
}

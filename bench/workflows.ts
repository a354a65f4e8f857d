// Durable workflow step transitions per second on SQLite, and the p99 of a one-step workflow from event to
// completion, against raw better-sqlite3 batched inserts measured in the same run. Prints JSON; never fails.
// Run: npx tsx bench/workflows.ts   (BENCH_CASES=20000 BENCH_LATENCY=500 to change the sizes)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MODULE_MIGRATIONS } from '../src/app/index.js';
import { createRuntime } from '../src/engine/index.js';
import { createWorkflowEngine, type WorkflowEngine } from '../src/workflows/index.js';
import { applyManifests } from '../src/manifests/index.js';
import type { CloudEvent, Manifest } from '../src/model/index.js';
import { silentLogger, systemClock } from '../src/shared/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY ?? 500);
const BATCH = 500;
const TARGET_RATIO = 0.25;

const template = (name: string, steps: unknown[]): Manifest[] => [
  {
    apiVersion: 'cello/v1',
    kind: 'Template',
    metadata: { name },
    spec: { version: 1, start: { type: `bench.${name}.started` }, steps },
  } as unknown as Manifest,
  {
    apiVersion: 'cello/v1',
    kind: 'Workflow',
    metadata: { name: `${name}-flow` },
    spec: { from: `template:${name}@1`, cell: 'cell:bench' },
  } as unknown as Manifest,
];
// Throughput: each confirm event moves one waiting instance through one step, on to the next waiting step.
const WAITING = template('order', [
  { id: 'confirm', mode: 'fixed', on: { type: 'bench.order.confirmed' }, do: [{ set: { confirmed: 'true' } }] },
  { id: 'ship', mode: 'fixed', on: { type: 'bench.order.shipped' }, do: [{ complete: true }] },
]);
// Latency: a start event runs one step at once and completes.
const ONE_STEP = template('ping', [
  { id: 'answer', mode: 'fixed', do: [{ set: { answered: 'true' } }, { complete: true }] },
]);

const event = (type: string, subject: string, i: number): CloudEvent => ({
  specversion: '1.0',
  id: `${type}-${i}`,
  source: '/bench',
  type,
  subject,
  time: '2026-01-05T09:00:00.000Z',
  datacontenttype: 'application/json',
  data: { amount: i % 1000, region: 'emea' },
});

/** Baseline: a prepared single-row INSERT into the store's events table, in transactions of BATCH rows. */
async function rawInsertsPerSecond(file: string): Promise<number> {
  const store = createSqliteStore({ file });
  await store.migrate();
  await store.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    'insert into events (id, source, type, subject, time, time_ms, recorded_at, datacontenttype, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((rows: CloudEvent[]) => {
    const recordedAt = new Date().toISOString();
    for (const e of rows)
      insert.run(
        e.id,
        e.source,
        e.type,
        e.subject,
        e.time,
        Date.parse(e.time!),
        recordedAt,
        e.datacontenttype,
        JSON.stringify(e.data),
      );
  });
  const rows = Array.from({ length: CASES }, (_, i) => event('bench.raw', `case-${i}`, i));
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) write(rows.slice(i, i + BATCH));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return CASES / seconds;
}

async function engineOn(file: string, manifests: Manifest[], start = true) {
  const store = createSqliteStore({ file });
  await store.migrate(MODULE_MIGRATIONS);
  await applyManifests(store, manifests, { clock: systemClock, actor: 'bench' });
  const runtime = await createRuntime({ store, logger: silentLogger, feedPollMs: 1_000 });
  const engine: WorkflowEngine = createWorkflowEngine(runtime, {
    batchSize: BATCH,
    pollMs: 60_000,
    timerPollMs: 60_000,
  });
  await runtime.start();
  if (start) await engine.start();
  return {
    store,
    runtime,
    engine,
    close: async () => (await engine.stop(), await runtime.stop(), await store.close()),
  };
}

/**
 * Durable step transitions per second: CASES events wait in the log while the engine is stopped; the time is
 * from starting it to having processed them all (start events first, then one advancing event per instance).
 */
async function transitionsPerSecond(file: string) {
  const { store, runtime, engine, close } = await engineOn(file, WAITING, false);
  const backlog = async (type: string) => {
    for (let i = 0; i < CASES; i += BATCH) {
      await runtime.publisher.publish(
        { kind: 'admin' },
        Array.from({ length: Math.min(BATCH, CASES - i) }, (_, j) => event(type, `order-${i + j}`, i + j)),
      );
    }
  };
  const catchUp = async () => {
    const started = performance.now();
    await engine.start();
    await engine.drain();
    const seconds = (performance.now() - started) / 1000;
    await engine.stop();
    return seconds;
  };
  // The cursor starts at the end of the log the first time: start once on the empty log.
  await engine.start();
  await engine.stop();
  await backlog('bench.order.started');
  const startSeconds = await catchUp();
  await backlog('bench.order.confirmed');
  const stepSeconds = await catchUp();
  // Every transition committed its event: one step.completed per case, each instance parked at the next step.
  const count = async (type: string) =>
    Number(
      (
        await store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', '=', type)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const recorded = {
    started: await count('dev.cello.workflow.started'),
    stepCompleted: await count('dev.cello.workflow.step.completed'),
    waiting: (await engine.instances.counts())['order-flow']?.waiting ?? 0,
  };
  await close();
  return { instancesStartedPerSecond: CASES / startSeconds, stepTransitionsPerSecond: CASES / stepSeconds, recorded };
}

/** Event to completion of a one-step workflow, published through the runtime as a client would. */
async function oneStepLatency(file: string) {
  const { runtime, close } = await engineOn(file, ONE_STEP);
  const waiting = new Map<string, () => void>();
  runtime.feed.subscribe((events) => {
    for (const e of events) if (e.type === 'dev.cello.workflow.completed') waiting.get(e.subject!)?.();
  });
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const subject = `ping-${i}`;
    const done = new Promise<void>((resolve) => waiting.set(subject, resolve));
    const started = performance.now();
    await runtime.publisher.publish({ kind: 'admin' }, [event('bench.ping.started', subject, i)]);
    await done;
    samples.push(performance.now() - started);
    waiting.delete(subject);
  }
  await close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2));
  return { samples: samples.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-bench-workflows-'));
try {
  // The baseline runs right before and right after the transitions, and counts as their mean: on a shared machine
  // the load drifts within a run, and a burst of inserts feels it more than the longer engine run does.
  const rawBefore = await rawInsertsPerSecond(path.join(dir, 'raw-before.db'));
  const transitions = await transitionsPerSecond(path.join(dir, 'transitions.db'));
  const rawAfter = await rawInsertsPerSecond(path.join(dir, 'raw-after.db'));
  const raw = (rawBefore + rawAfter) / 2;
  const latency = await oneStepLatency(path.join(dir, 'latency.db'));
  const ratio = transitions.stepTransitionsPerSecond / raw;
  console.log(
    JSON.stringify(
      {
        benchmark: 'workflows',
        backend: 'sqlite (WAL, synchronous=FULL)',
        cases: CASES,
        batch: BATCH,
        baseline: { rawInsertsPerSecond: Math.round(raw), before: Math.round(rawBefore), after: Math.round(rawAfter) },
        transitions: {
          stepTransitionsPerSecond: Math.round(transitions.stepTransitionsPerSecond),
          instancesStartedPerSecond: Math.round(transitions.instancesStartedPerSecond),
          recorded: transitions.recorded,
          note: 'a transition runs a waiting step for its event and parks the instance at the next one; it commits the instance, its history row (the exactly-once ledger), the step.completed event and the cursor, one transaction per batch of events',
        },
        oneStepLatency: latency,
        ratio: Number(ratio.toFixed(3)),
        target: TARGET_RATIO,
        meetsTarget: ratio >= TARGET_RATIO,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Live mining from the store against a raw better-sqlite3 scan of the same columns, in the same run, and
// `cello mine bpic2012.xes.gz` end to end. Prints JSON.
// Needs the compiled project: `npm run build && node bench/mining-store.js`
// (BENCH_EVENTS=200000 for a quicker run; CELLO_DIST=/path/to/dist to use another build).
//
// 1. Fills a temporary SQLite store with BENCH_EVENTS events (default 1 000 000) through the store's own batched
//    append: a loan-like process of ~7 events per case, cases interleaved in time, four publishing cells, rework.
// 2. Baseline: a raw better-sqlite3 scan of the columns these figures need (type, subject, time_ms), in seq
//    order, touching every value: row objects and raw arrays stepped one by one, and pages of raw arrays by seq;
//    the fastest of the three is the baseline.
// 3. Store path: `readLiveLog` (EventLog.scanColumns → case notion → typed-array columns; no resource, which the
//    figures do not need) then the directly-follows graph, variants and case durations (`mineCore`). Also timed,
//    for reference: the full `mineLog` (with handovers) over a log read with the publisher as resource.
// 4. `cello mine ../shared/datasets/eventlogs/bpic2012.xes.gz --json` as a child process (skipped with a note
//    when the datasets are not there).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

const dist = process.env.CELLO_DIST
  ? path.resolve(process.env.CELLO_DIST)
  : new URL('../dist', import.meta.url).pathname;
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const { createSqliteStore } = await load('store/sqlite/index.js');
const { compileCaseNotion, mineCore, mineLog, readLiveLog } = await load('insights/index.js');

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 5;
const APPEND_BATCH = 5_000;
const projectRoot = new URL('..', import.meta.url).pathname;
const bpic = path.resolve(projectRoot, '../shared/datasets/eventlogs/bpic2012.xes.gz');

/** A small deterministic generator (mulberry32), so every run mines the same log. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEPS = [
  ['com.bench.request.received', 'intake'],
  ['com.bench.check.started', 'risk'],
  ['com.bench.check.completed', 'risk'],
  ['com.bench.offer.made', 'finance'],
  ['com.bench.request.rejected', 'finance'],
  ['com.bench.offer.accepted', 'intake'],
  ['com.bench.contract.signed', 'operations'],
  ['com.bench.payout.done', 'operations'],
];

/** Events as three parallel arrays (case, step, time), sorted by time: cases overlap as they do in a real log. */
function generate(count) {
  const next = random(42);
  const caseOf = new Int32Array(count);
  const stepOf = new Int8Array(count);
  const timeOf = new Float64Array(count);
  let n = 0;
  let start = Date.parse('2026-01-01T00:00:00Z');
  const wait = (meanMinutes) => Math.round(-Math.log(1 - next()) * meanMinutes * 60_000);
  for (let c = 0; n < count; c++) {
    start += wait(2);
    let t = start;
    const path = [0, 1, 2];
    while (next() < 0.15) path.push(1, 2);
    if (next() < 0.2) path.push(4);
    else path.push(3, 5, 6, 7);
    for (const step of path) {
      if (n === count) break;
      t += wait(step === 3 ? 240 : step === 6 ? 600 : 30);
      caseOf[n] = c;
      stepOf[n] = step;
      timeOf[n] = t;
      n++;
    }
  }
  const order = new Uint32Array(count).map((_, i) => i).sort((a, b) => timeOf[a] - timeOf[b] || a - b);
  return { caseOf, stepOf, timeOf, order };
}

async function fill(store) {
  const { caseOf, stepOf, timeOf, order } = generate(EVENTS);
  const started = performance.now();
  for (let from = 0; from < EVENTS; from += APPEND_BATCH) {
    const batch = [];
    for (let k = from; k < Math.min(from + APPEND_BATCH, EVENTS); k++) {
      const i = order[k];
      const [type, cell] = STEPS[stepOf[i]];
      batch.push({
        event: {
          specversion: '1.0',
          id: `e${i}`,
          source: '/bench',
          type,
          subject: `case-${caseOf[i]}`,
          time: new Date(timeOf[i]).toISOString(),
          data: { n: i },
        },
        publisher: cell,
      });
    }
    await store.events.append(batch);
  }
  return (performance.now() - started) / 1000;
}

const PAGE = 10_000;

/**
 * The floor: read the needed columns and touch every value, nothing else. `iterate` steps row by row;
 * `paged` reads pages of raw arrays by seq (what a bounded-memory reader does, and the fastest of the three).
 */
function rawScan(file, mode) {
  const db = new Database(file, { readonly: true });
  try {
    const statement = db.prepare('SELECT type, subject, time_ms FROM events ORDER BY seq');
    let rows = 0;
    let checksum = 0;
    if (mode === 'paged') {
      const page = db
        .prepare('SELECT seq, type, subject, time_ms FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
        .raw(true);
      let after = 0;
      for (;;) {
        const batch = page.all(after, PAGE);
        for (const row of batch) {
          rows++;
          checksum += row[1].length + (row[2]?.length ?? 0) + row[3];
        }
        if (batch.length < PAGE) break;
        after = batch[batch.length - 1][0];
      }
    } else if (mode === 'arrays') {
      for (const row of statement.raw(true).iterate()) {
        rows++;
        checksum += row[0].length + (row[1]?.length ?? 0) + row[2];
      }
    } else {
      for (const row of statement.iterate()) {
        rows++;
        checksum += row.type.length + (row.subject?.length ?? 0) + row.time_ms;
      }
    }
    return { rows, checksum };
  } finally {
    db.close();
  }
}

/** The port alone: the batches `readLiveLog` reads here (every event has a subject, so no extension slot), nothing done with them. */
async function portScan(store) {
  const started = performance.now();
  let rows = 0;
  for await (const batch of store.events.scanColumns({ publisher: false })) rows += batch.length;
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function fromStore(store) {
  const started = performance.now();
  const live = await readLiveLog(
    { events: store.events, notion: compileCaseNotion(), ownerOfType: () => undefined },
    { resource: 'none' },
  );
  const read = performance.now();
  const core = mineCore(live.log);
  const done = performance.now();
  return {
    core,
    events: live.log.eventCount,
    cases: live.log.caseIds.length,
    readSeconds: (read - started) / 1000,
    mineSeconds: (done - read) / 1000,
    seconds: (done - started) / 1000,
  };
}

function time(work) {
  const started = performance.now();
  const result = work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

function mineFileEndToEnd() {
  if (!existsSync(bpic))
    return { skipped: `${bpic} is not there (it sits beside the project in the development workspace)` };
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    // What bin/cello.js does, against the same build as the rest of this benchmark.
    const cli = pathToFileURL(path.join(dist, 'cli/index.js')).href;
    const script = `import { main } from ${JSON.stringify(cli)}; process.exitCode = await main(['node', 'cello', 'mine', ${JSON.stringify(bpic)}, '--json']);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 28 });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) return { failed: String(child.stderr).slice(0, 500) };
    const result = JSON.parse(String(child.stdout));
    runs.push({
      seconds,
      events: result.summary.events,
      cases: result.summary.cases,
      variants: result.summary.variants,
    });
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    file: path.basename(bpic),
    events: best.events,
    cases: best.cases,
    variants: best.variants,
    seconds: round(best.seconds),
    eventsPerSecond: Math.round(best.events / best.seconds),
    runs: RUNS,
  };
}

const round = (x) => Number(x.toFixed(3));
const best = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-bench-mining-'));
const store = createSqliteStore({ dataDir: dir, synchronous: 'normal' });
try {
  await store.migrate();
  const fillSeconds = await fill(store);
  const file = path.join(dir, 'cello.db');
  const rawObjects = [];
  const rawArrays = [];
  const rawPaged = [];
  const stored = [];
  const ported = [];
  let fullMine;
  for (let i = 0; i < RUNS; i++) {
    rawObjects.push(time(() => rawScan(file, 'objects')));
    rawArrays.push(time(() => rawScan(file, 'arrays')));
    rawPaged.push(time(() => rawScan(file, 'paged')));
    ported.push(await portScan(store));
    stored.push(await fromStore(store));
  }
  {
    const live = await readLiveLog({ events: store.events, notion: compileCaseNotion(), ownerOfType: () => undefined });
    fullMine = time(() => mineLog(live.log));
  }
  const baseline = best([...rawObjects, ...rawArrays, ...rawPaged]);
  const storePath = best(stored);
  console.log(
    JSON.stringify(
      {
        events: EVENTS,
        cases: storePath.cases,
        variants: storePath.core.variants.length,
        edges: storePath.core.directlyFollows.length,
        fill: { seconds: round(fillSeconds), eventsPerSecond: Math.round(EVENTS / fillSeconds), batch: APPEND_BATCH },
        rawScan: {
          columns: ['type', 'subject', 'time_ms'],
          objectsSeconds: round(best(rawObjects).seconds),
          arraysSeconds: round(best(rawArrays).seconds),
          pagedArraysSeconds: round(best(rawPaged).seconds),
          baselineSeconds: round(baseline.seconds),
        },
        store: {
          what: 'DFG + variants + case durations from EventLog.scanColumns',
          seconds: round(storePath.seconds),
          readSeconds: round(storePath.readSeconds),
          mineSeconds: round(storePath.mineSeconds),
          eventsPerSecond: Math.round(EVENTS / storePath.seconds),
          ratioToRawScan: Number((storePath.seconds / baseline.seconds).toFixed(2)),
          ratioToRowObjectScan: Number((storePath.seconds / best(rawObjects).seconds).toFixed(2)),
          target: 1.5,
        },
        portScanSeconds: round(best(ported).seconds),
        fullMineLogSeconds: round(fullMine.seconds),
        fullMineLogNote:
          'mineLog (all figures, handovers by publisher) on a log read with resources, excluding the read',
        mineFile: mineFileEndToEnd(),
        runs: RUNS,
        heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      },
      null,
      2,
    ),
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

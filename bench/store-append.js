// Append throughput of the SQLite event log against raw better-sqlite3 on the same table, in one run.
// Prints JSON. Needs the compiled store: `npm run build && node bench/store-append.js`
// (or CELLO_DIST=/path/to/dist to use another build).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

const dist = process.env.CELLO_DIST
  ? path.resolve(process.env.CELLO_DIST)
  : new URL('../dist', import.meta.url).pathname;
const { createSqliteStore } = await import(pathToFileURL(path.join(dist, 'store/sqlite/index.js')).href);

const BATCHES = [1, 100, 1000];
const EVENTS = { 1: 2_000, 100: 30_000, 1000: 60_000 };
// Rounds alternate baseline and store; the best of each is reported, which damps noise from other processes.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COLUMNS = [
  'id',
  'source',
  'type',
  'subject',
  'time',
  'time_ms',
  'recorded_at',
  'datacontenttype',
  'dataschema',
  'data',
  'data_base64',
  'extensions',
  'publisher',
];

function makeEvents(count, run) {
  return Array.from({ length: count }, (_, i) => ({
    specversion: '1.0',
    id: `${run}-${i}`,
    source: 'https://acme.example/risk',
    type: i % 3 === 0 ? 'com.acme.risk.flagged' : 'com.acme.risk.scored',
    subject: `loan-${i % 1000}`,
    time: '2026-01-05T09:00:00.000Z',
    datacontenttype: 'application/json',
    data: { score: (i % 100) / 100, model: 'v7', reasons: ['income', 'history'] },
  }));
}

/** Events per wall-clock second, and per CPU second of this process (steadier when the machine is busy). */
function startClock() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return {
    rates(count) {
      const used = process.cpuUsage(cpu);
      return {
        wall: count / (Number(process.hrtime.bigint() - wall) / 1e9),
        cpu: count / ((used.user + used.system) / 1e6),
      };
    },
  };
}

/** Baseline: one prepared single-row INSERT, looped inside a transaction per batch. */
function rawAppend(file, events, batch, synchronous) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  const insert = db.prepare(`insert into events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const appendBatch = db.transaction((slice) => {
    const recordedAt = new Date().toISOString();
    for (const e of slice) {
      insert.run(
        e.id,
        e.source,
        e.type,
        e.subject,
        e.time,
        Date.parse(e.time),
        recordedAt,
        e.datacontenttype,
        null,
        JSON.stringify(e.data),
        null,
        null,
        'risk',
      );
    }
  });
  const clock = startClock();
  for (let i = 0; i < events.length; i += batch) appendBatch(events.slice(i, i + batch));
  const rates = clock.rates(events.length);
  db.close();
  return rates;
}

async function celloAppend(file, events, batch, synchronous) {
  const store = createSqliteStore({ file, synchronous: synchronous === 'FULL' ? 'full' : 'normal' });
  await store.migrate();
  const clock = startClock();
  for (let i = 0; i < events.length; i += batch) {
    await store.events.append(events.slice(i, i + batch).map((event) => ({ event, publisher: 'risk' })));
  }
  const rates = clock.rates(events.length);
  await store.close();
  return rates;
}

/** A file with the store's schema (tables and indexes), so both sides write the same table. */
async function schemaFile(dir, name) {
  const file = path.join(dir, `${name}.db`);
  const store = createSqliteStore({ file });
  await store.migrate();
  await store.close();
  return file;
}

function best(kept, rates) {
  kept.wall = Math.max(kept.wall, rates.wall);
  kept.cpu = Math.max(kept.cpu, rates.cpu);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-bench-'));
const results = [];
try {
  for (const synchronous of ['FULL', 'NORMAL']) {
    for (const batch of BATCHES) {
      const events = makeEvents(EVENTS[batch], `${synchronous}-${batch}`);
      const raw = { wall: 0, cpu: 0 };
      const cello = { wall: 0, cpu: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const name = `${synchronous}-${batch}-${round}`;
        best(raw, rawAppend(await schemaFile(dir, `raw-${name}`), events, batch, synchronous));
        best(cello, await celloAppend(await schemaFile(dir, `cello-${name}`), events, batch, synchronous));
      }
      results.push({
        synchronous: synchronous.toLowerCase(),
        batch,
        events: events.length,
        raw_events_per_s: Math.round(raw.wall),
        cello_events_per_s: Math.round(cello.wall),
        ratio: Number((cello.wall / raw.wall).toFixed(2)),
        raw_events_per_cpu_s: Math.round(raw.cpu),
        cello_events_per_cpu_s: Math.round(cello.cpu),
        cpu_ratio: Number((cello.cpu / raw.cpu).toFixed(2)),
      });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  JSON.stringify(
    {
      benchmark: 'store-append',
      rounds: ROUNDS,
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      results,
    },
    null,
    2,
  ),
);

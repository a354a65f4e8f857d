/**
 * Ingest and delivery benchmark (issue 3). In one run, on this machine:
 *  (a) a trivial Node HTTP server's req/s, (b) raw better-sqlite3 batched inserts/s,
 *  then Cello's durable ingest at saturation and at half of it (ack latency p50/p99),
 *  and publish-to-webhook delivery latency at half load. Prints JSON with the ratios.
 * Needs the build (`npm run build`); run with `npm run bench` or `npx tsx bench/ingest.ts`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI, kill, spawnServer } from '../test/support/cli-process.js';
import { writeSignalsOrg } from '../test/support/org-fixture.js';
import { closedLoop, openLoop, type LoadTarget } from './load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

function eventBody(i: number, sentAt = Date.now()): string {
  return JSON.stringify({
    specversion: '1.0',
    id: `bench-${process.pid}-${i}-${sentAt}`,
    source: '/risk/scoring',
    type: 'com.acme.risk.score.changed',
    subject: `loan-${i % 1000}`,
    time: new Date(sentAt).toISOString(),
    datacontenttype: 'application/json',
    data: { score: (i % 100) / 100, sentAt },
  });
}

/** (a) A trivial Node HTTP server in its own process: reads the body, answers 202. */
async function rawHttpBaseline(): Promise<number> {
  const script = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(202,{'content-type':'application/json'});s.end('{"accepted":1}')})}).listen(0,'127.0.0.1',function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  const result = await closedLoop(
    {
      url: `http://127.0.0.1:${port}/v1/events`,
      headers: { 'content-type': 'application/cloudevents+json' },
      body: (i) => eventBody(i),
      okStatus: 202,
    },
    { connections: CONNECTIONS, seconds: SECONDS },
  );
  child.kill();
  return result.perSecond;
}

/** (b) Raw better-sqlite3: prepared inserts of the same columns, 1000 per transaction, WAL, synchronous=FULL. */
function rawSqliteBaseline(): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cello-bench-raw-'));
  const db = new Database(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table events (seq integer primary key, id text not null, source text not null, type text not null, subject text,
    time text, time_ms integer not null, recorded_at text not null, datacontenttype text, data text, extensions text, publisher text, unique (source, id))`);
  const insert = db.prepare(
    'insert into events (id, source, type, subject, time, time_ms, recorded_at, datacontenttype, data, publisher) values (?,?,?,?,?,?,?,?,?,?)',
  );
  const batch = db.transaction((rows: number[]) => {
    for (const i of rows) {
      const now = Date.now();
      insert.run(
        `raw-${i}`,
        '/risk/scoring',
        'com.acme.risk.score.changed',
        `loan-${i % 1000}`,
        new Date(now).toISOString(),
        now,
        new Date(now).toISOString(),
        'application/json',
        JSON.stringify({ score: 0.5, sentAt: now }),
        'risk',
      );
    }
  });
  const total = 200_000;
  const started = performance.now();
  for (let i = 0; i < total; i += 1000) batch(Array.from({ length: 1000 }, (_, k) => i + k));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return Math.round(total / seconds);
}

/** A webhook receiver in this process: delivery latency = arrival − the publisher's send time. */
async function startReceiver(): Promise<{ url: string; latencies: number[]; close(): void }> {
  const latencies: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString()) as { data?: { sentAt?: number } };
      if (event.data?.sentAt) latencies.push(Date.now() - event.data.sentAt);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`,
    latencies,
    close: () => server.close(),
  };
}

function percentiles(values: number[]): { p50: number; p99: number; count: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p99: at(99), count: sorted.length };
}

export async function benchIngest(): Promise<Record<string, unknown>> {
  const httpBaseline = await rawHttpBaseline();
  const sqliteBaseline = rawSqliteBaseline();

  const receiver = await startReceiver();
  const orgDir = writeSignalsOrg({ webhookUrl: receiver.url });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cello-bench-'));
  execFileSync(process.execPath, [CLI, 'apply', orgDir, '--data-dir', dataDir], { stdio: 'ignore' });
  const token = execFileSync(process.execPath, [CLI, 'token', 'create', '--cell', 'risk', '--data-dir', dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const server = await spawnServer(['--data-dir', dataDir], { CELLO_LOG_LEVEL: 'warn' });
  let child: ChildProcess | undefined = server.child;
  try {
    // Scores cycle 0.00–0.99: the finance subscription (score > 0.8) gets a webhook for about a fifth of them.
    const target = (): LoadTarget => ({
      url: `${server.url}/v1/events`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json' },
      body: (i) => eventBody(i),
      okStatus: 202,
    });
    await closedLoop(target(), { connections: CONNECTIONS, seconds: 1 }); // warm-up
    const saturation = await closedLoop(target(), { connections: CONNECTIONS, seconds: SECONDS });
    const halfRate = Math.max(1, Math.round(saturation.perSecond / 2));
    // Let the backlog of deliveries from saturation drain, then measure delivery during the half-load run.
    await new Promise((r) => setTimeout(r, 3_000));
    receiver.latencies.length = 0;
    const half = await openLoop(target(), { rate: halfRate, seconds: SECONDS });
    await new Promise((r) => setTimeout(r, 1_000));
    const delivery = percentiles(receiver.latencies);
    return {
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        node: process.version,
        date: new Date().toISOString().slice(0, 10),
      },
      baselines: { rawNodeHttpRequestsPerSecond: httpBaseline, rawSqliteBatchedInsertsPerSecond: sqliteBaseline },
      ingest: {
        saturation: {
          eventsPerSecond: saturation.perSecond,
          ackMs: saturation.latencyMs,
          errors: saturation.errors,
          connections: CONNECTIONS,
        },
        halfLoad: { eventsPerSecond: half.perSecond, targetRate: halfRate, ackMs: half.latencyMs, errors: half.errors },
      },
      delivery: { atHalfLoad: true, delivered: delivery.count, latencyMs: { p50: delivery.p50, p99: delivery.p99 } },
      ratios: {
        ingestToRawHttp: Number((saturation.perSecond / httpBaseline).toFixed(3)),
        ingestToRawSqlite: Number((saturation.perSecond / sqliteBaseline).toFixed(3)),
      },
      targets: {
        'ingest >= 0.70 x raw HTTP': saturation.perSecond / httpBaseline >= 0.7,
        'p99 ack <= 5 ms at half load': half.latencyMs.p99 <= 5,
        'delivery p99 <= 20 ms at half load': delivery.p99 <= 20,
      },
    };
  } finally {
    if (child) await kill(child, 'SIGTERM');
    child = undefined;
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIngest(), null, 2));
}

/**
 * A small HTTP load generator (keep-alive, node:http) used for every server in a benchmark run, so
 * baseline and Cello are measured with the same client.
 * - closed loop: `connections` requests always in flight, for `seconds` (saturation);
 * - open loop: requests started at a fixed `rate` regardless of answers (latency at a given load).
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  /** The body of request `i`. */
  body: (i: number) => string;
  /** Status that counts as success. */
  okStatus: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, index)]!.toFixed(3));
}

function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(latencies.length / seconds),
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
  };
}

function send(agent: http.Agent, target: LoadTarget, i: number): Promise<boolean> {
  const url = new URL(target.url);
  const body = target.body(i);
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...target.headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === target.okStatus));
      },
    );
    request.on('error', () => resolve(false));
    request.end(body);
  });
}

/** Saturation: `connections` requests in flight for `seconds`. */
export async function closedLoop(
  target: LoadTarget,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const lane = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const ok = await send(agent, target, next++);
      if (ok) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, lane));
  agent.destroy();
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}

/** A fixed arrival rate: latency at a given load, unaffected by the server slowing the client down. */
export async function openLoop(
  target: LoadTarget,
  options: { rate: number; seconds: number; connections?: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections ?? 256 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      send(agent, target, i).then((ok) => {
        // Latency from when the request was due, so a backed-up client does not hide server delay.
        if (ok) latencies.push(performance.now() - due);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}

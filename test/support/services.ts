/**
 * Tests that need a service (PostgreSQL, NATS, Chromium) or ../shared/datasets use `describeWith`:
 * present → the suite runs; absent → it skips with a one-line reason; absent under
 * CELLO_REQUIRE_SERVICES=1 (CI) → it fails instead of skipping.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASETS_DIR = path.resolve(PROJECT_ROOT, process.env.CELLO_DATASETS ?? '../shared/datasets');
export const REQUIRE_SERVICES = process.env.CELLO_REQUIRE_SERVICES === '1';
export const POSTGRES_URL = process.env.CELLO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const NATS_URL = process.env.CELLO_TEST_NATS_URL ?? '127.0.0.1:4222';
export const CHROMIUM_PATH = process.env.CELLO_CHROMIUM ?? '/usr/bin/chromium';

export interface ServiceCheck {
  ok: boolean;
  /** Why it is missing, in one line. */
  reason: string;
}

function portOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function checkPostgres(): Promise<ServiceCheck> {
  const url = new URL(POSTGRES_URL);
  const ok = await portOpen(url.hostname, Number(url.port || 5432));
  return { ok, reason: `no PostgreSQL answers at ${url.host} (set CELLO_TEST_DATABASE_URL)` };
}

export async function checkNats(): Promise<ServiceCheck> {
  const [host = '127.0.0.1', port = '4222'] = NATS_URL.replace(/^nats:\/\//, '').split(':');
  const ok = await portOpen(host, Number(port));
  return { ok, reason: `no NATS server answers at ${NATS_URL} (set CELLO_TEST_NATS_URL)` };
}

/** Where each public dataset the tests read comes from, so a skip can say how to get it. */
const DATASET_SOURCES: Record<string, string> = {
  eventlogs:
    "the PM4Py repository's tests/input_data and tests/compressed_input_data (BPI Challenge logs: 4TU.ResearchData)",
  cloudevents: 'the cloudevents/spec (cloudevents-1.0.schema.json) and cloudevents/conformance repositories',
  asyncapi: 'the asyncapi/spec (examples) and asyncapi/spec-json-schemas repositories',
  backstage: "the Backstage repository's packages/catalog-model/examples",
};

export function checkDatasets(sub = ''): ServiceCheck {
  const dir = path.join(DATASETS_DIR, sub);
  const source = DATASET_SOURCES[sub.split('/')[0] ?? ''];
  return {
    ok: existsSync(dir),
    reason: `${dir} is not there; copy it from ${source ?? 'its public source'} (or set CELLO_DATASETS to a folder that holds ${sub || 'the datasets'})`,
  };
}

export function checkChromium(): ServiceCheck {
  return {
    ok: existsSync(CHROMIUM_PATH),
    reason: `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CELLO_CHROMIUM)`,
  };
}

/** `describe` that runs when the service is there, skips with a reason when not, and fails when CI requires it. */
export function describeWith(check: ServiceCheck, title: string, body: () => void): void {
  if (check.ok) {
    describe(title, body);
  } else if (REQUIRE_SERVICES) {
    describe(title, () => {
      it('has what it needs', () => {
        throw new Error(`${check.reason}; CELLO_REQUIRE_SERVICES=1 turns this skip into a failure.`);
      });
    });
  } else {
    // The body is not even collected: suites may read the missing files while they declare their tests. The one
    // test skips itself with the reason as its note, which the skip-reasons reporter prints after the summary.
    describe(`${title} (skipped)`, () => {
      it('needs what is missing', (context) => context.skip(check.reason));
    });
  }
}

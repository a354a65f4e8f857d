import path from 'node:path';
import {
  DEFAULT_DELIVERY_OPTIONS,
  compileIngestLimits,
  hashToken,
  type DeliveryWorkerOptions,
  type IngestLimits,
} from '../engine/index.js';
import { InputError } from '../shared/index.js';
import { SQLITE_DEFAULTS } from '../store/sqlite/index.js';

/** Everything the app needs, fully defaulted, units normalized. Built once from flags and environment. */
export interface AppConfig {
  /** SQLite data folder (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** PostgreSQL URL (`CELLO_DATABASE_URL`); absent means the embedded SQLite default. */
  databaseUrl?: string;
  /** NATS JetStream (`CELLO_NATS_URL`, `CELLO_NATS_STREAM`, `CELLO_NATS_SUBJECT_PREFIX`); absent means the in-process transport. */
  nats?: NatsConfig;
  /**
   * SQLite commit durability (`CELLO_SQLITE_SYNC`). `normal` (default): WAL without an fsync per commit — an
   * acknowledged event survives a crash or SIGKILL of the process, not a power cut. `full`: an fsync per
   * group commit, also survives a power cut, at about a quarter of the throughput (bench/ingest.ts).
   */
  sqliteSync: 'normal' | 'full';
  host: string;
  port: number;
  /** Folder applied at start-up (`--org`). */
  orgDir?: string;
  adminTokenHash?: string;
  logLevel: string;
  limits: IngestLimits;
  delivery: DeliveryWorkerOptions;
  feedPollMs: number;
  /** Requests per minute per token on the API (`CELLO_RATE_LIMIT`); 0 turns the limit off. */
  rateLimitPerMinute: number;
}

/** Where instances tell each other about commits when scaled out. */
export interface NatsConfig {
  /** `nats://host:4222`; several, comma-separated, for a cluster. */
  url: string;
  /** The JetStream stream, created when missing; absent: the adapter's default, `CELLO`. */
  stream?: string;
  /** Subjects travel as `<prefix>.log.committed` and the stream captures `<prefix>.>`; absent: `cello`. */
  subjectPrefix?: string;
}

export interface ConfigInput {
  dataDir?: string;
  host?: string;
  port?: string | number;
  org?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Compiles flags and environment into an {@link AppConfig}, refusing bad values with the flag's name. */
export function compileConfig(input: ConfigInput = {}): AppConfig {
  const env = input.env ?? process.env;
  const cwd = input.cwd ?? process.cwd();
  const port = Number(input.port ?? env.CELLO_PORT ?? 7420);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InputError(`--port must be a whole number from 0 to 65535, not "${input.port ?? env.CELLO_PORT}".`, {
      field: 'port',
    });
  }
  const databaseUrl = env.CELLO_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new InputError(
      `CELLO_DATABASE_URL must be a postgres:// URL, not "${databaseUrl}"; unset it to use the embedded SQLite store.`,
      {
        field: 'CELLO_DATABASE_URL',
      },
    );
  }
  const sqliteSync = env.CELLO_SQLITE_SYNC ?? SQLITE_DEFAULTS.synchronous;
  if (sqliteSync !== 'normal' && sqliteSync !== 'full') {
    throw new InputError(`CELLO_SQLITE_SYNC must be "normal" or "full", not "${sqliteSync}".`, {
      field: 'CELLO_SQLITE_SYNC',
    });
  }
  const natsUrl = env.CELLO_NATS_URL || undefined;
  const badServer = natsUrl
    ?.split(',')
    .find((server) => !/^((nats|tls|ws|wss):\/\/)?([^\s/@]+@)?[^\s/:@]+(:\d+)?\/?$/.test(server.trim()));
  if (badServer !== undefined) {
    throw new InputError(
      `CELLO_NATS_URL must be a NATS server such as nats://127.0.0.1:4222 (several comma-separated), not "${badServer.replace(/\/\/[^@/]*@/, '//***@')}"; unset it to run a single instance without NATS.`,
      {
        field: 'CELLO_NATS_URL',
      },
    );
  }
  const rateLimitPerMinute = Number(env.CELLO_RATE_LIMIT ?? 120_000);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
    throw new InputError(
      `CELLO_RATE_LIMIT must be a whole number of requests per minute per token (0 = no limit), not "${env.CELLO_RATE_LIMIT}".`,
      {
        field: 'CELLO_RATE_LIMIT',
      },
    );
  }
  const adminToken = env.CELLO_ADMIN_TOKEN;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new InputError(
      'CELLO_ADMIN_TOKEN must be at least 16 characters; use a long random value (e.g. `openssl rand -hex 24`).',
      {
        field: 'CELLO_ADMIN_TOKEN',
      },
    );
  }
  return {
    dataDir: path.resolve(cwd, input.dataDir ?? env.CELLO_DATA_DIR ?? '.cello'),
    ...(databaseUrl ? { databaseUrl } : {}),
    // The NATS defaults live in the adapter, which is loaded only when NATS is configured.
    ...(natsUrl
      ? {
          nats: {
            url: natsUrl,
            ...(env.CELLO_NATS_STREAM ? { stream: env.CELLO_NATS_STREAM } : {}),
            ...(env.CELLO_NATS_SUBJECT_PREFIX ? { subjectPrefix: env.CELLO_NATS_SUBJECT_PREFIX } : {}),
          },
        }
      : {}),
    sqliteSync,
    host: input.host ?? env.CELLO_HOST ?? '127.0.0.1',
    port,
    ...(input.org ? { orgDir: path.resolve(cwd, input.org) } : {}),
    ...(adminToken ? { adminTokenHash: hashToken(adminToken) } : {}),
    // A person at a terminal reads the CLI's own lines; JSON logs below warn are for log collectors.
    logLevel: env.CELLO_LOG_LEVEL ?? (process.stderr.isTTY ? 'warn' : 'info'),
    limits: compileIngestLimits(),
    delivery: DEFAULT_DELIVERY_OPTIONS,
    feedPollMs: 250,
    rateLimitPerMinute,
  };
}

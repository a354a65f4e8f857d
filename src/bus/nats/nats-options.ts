import { InputError, silentLogger, type Logger } from '../../shared/index.js';
import { checkSubject } from '../subject-pattern.js';

/** The stream Cello keeps its messages in unless told otherwise. */
export const DEFAULT_NATS_STREAM = 'CELLO';
/** Every Cello subject travels under this prefix unless told otherwise: `cello.log.committed`. */
export const DEFAULT_NATS_SUBJECT_PREFIX = 'cello';

export interface NatsTransportOptions {
  /** Server URL, e.g. `nats://127.0.0.1:4222` from CELLO_NATS_URL; several, comma-separated, for a cluster. */
  url: string;
  /** The JetStream stream holding the messages; created when missing. Default `CELLO`. */
  stream?: string;
  /** Subjects travel as `<prefix>.<subject>` and the stream captures `<prefix>.>`. Default `cello`. */
  subjectPrefix?: string;
  /** How long the stream keeps a message. Default one hour: messages are hints; the log keeps the facts. */
  maxAgeMs?: number;
  /** The most messages the stream keeps (oldest dropped first). Default 100 000. */
  maxMessages?: number;
  /** How long start-up waits for the server. Default 5 s. */
  connectTimeoutMs?: number;
  /** The connection's name as the NATS server shows it. Default `cello`. */
  name?: string;
  /** Connection changes and failing subscribers are reported here. */
  logger?: Logger;
}

export type CompiledNatsOptions = Required<NatsTransportOptions> & { servers: string[] };

const STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Defaults filled in and names checked, before anything connects. */
export function compileNatsOptions(options: NatsTransportOptions): CompiledNatsOptions {
  const servers = options.url
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (servers.length === 0) {
    throw new InputError(
      'CELLO_NATS_URL is empty; set it to a NATS server such as nats://127.0.0.1:4222, or unset it to run without NATS.',
      {
        field: 'CELLO_NATS_URL',
      },
    );
  }
  const stream = options.stream ?? DEFAULT_NATS_STREAM;
  if (!STREAM_NAME.test(stream)) {
    throw new InputError(
      `The JetStream stream name "${stream}" is not allowed; use up to 64 letters, digits, "-" and "_" (no dots, spaces or wildcards).`,
      {
        field: 'stream',
        value: stream,
      },
    );
  }
  const subjectPrefix = options.subjectPrefix ?? DEFAULT_NATS_SUBJECT_PREFIX;
  checkSubject(subjectPrefix, 'subject prefix');
  return {
    url: options.url,
    servers,
    stream,
    subjectPrefix,
    maxAgeMs: options.maxAgeMs ?? 60 * 60 * 1000,
    maxMessages: options.maxMessages ?? 100_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    name: options.name ?? 'cello',
    logger: options.logger ?? silentLogger,
  };
}

/** The URL without credentials, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/g, '//***@');
}

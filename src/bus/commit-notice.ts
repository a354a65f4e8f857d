import { InputError, newId } from '../shared/index.js';
import type { Transport } from './transport.js';

/** The subject a runtime announces its commits on; on NATS it travels as `cello.log.committed`. */
export const LOG_COMMITTED = 'log.committed';

/** "The log grew": what one runtime tells the others after a commit. A hint; the log says what happened. */
export type CommitNotice = {
  /** The runtime that committed; it ignores its own notices. */
  origin: string;
  /** The log's last sequence number after the commit. */
  lastSeq: number;
  /** The distinct event types committed (at most {@link MAX_NOTICE_TYPES}; informational). */
  types: string[];
  /** The commit queued webhook deliveries: delivery workers should look now. */
  outbox: boolean;
};

/** Notices stay small: a huge batch names only its first types. */
export const MAX_NOTICE_TYPES = 64;

/** Checks a received notice; throws `InputError` naming the first field that is wrong. */
export function parseCommitNotice(value: unknown): CommitNotice {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const wrong = (field: string, expected: string) =>
    new InputError(
      `A ${LOG_COMMITTED} notice has ${field} ${JSON.stringify(v[field])}, not ${expected}; is another program publishing on this subject?`,
      {
        field,
      },
    );
  if (typeof v.origin !== 'string' || v.origin === '') throw wrong('origin', 'a non-empty string');
  if (typeof v.lastSeq !== 'number' || !Number.isInteger(v.lastSeq) || v.lastSeq < 0)
    throw wrong('lastSeq', 'a sequence number');
  if (!Array.isArray(v.types) || !v.types.every((t) => typeof t === 'string'))
    throw wrong('types', 'a list of event types');
  if (typeof v.outbox !== 'boolean') throw wrong('outbox', 'true or false');
  return { origin: v.origin, lastSeq: v.lastSeq, types: v.types as string[], outbox: v.outbox };
}

/** Publishes one notice for a commit made outside a runtime (`cello apply`, `serve --org`). */
export function publishCommitNotice(
  transport: Transport,
  commit: { lastSeq: number; types: readonly string[]; outbox?: boolean },
): Promise<void> {
  const notice: CommitNotice = {
    origin: `announce-${newId()}`,
    lastSeq: commit.lastSeq,
    types: commit.types.slice(0, MAX_NOTICE_TYPES),
    outbox: commit.outbox ?? false,
  };
  return transport.publish(LOG_COMMITTED, notice);
}

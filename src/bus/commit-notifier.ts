import { errorMessage, type Logger } from '../shared/index.js';
import { LOG_COMMITTED, MAX_NOTICE_TYPES, type CommitNotice } from './commit-notice.js';
import type { Transport } from './transport.js';

export interface CommitNotifier {
  /** Events this runtime just committed. */
  committed(events: readonly { seq: number; type: string }[]): void;
  /** The commit just reported queued webhook deliveries. */
  queuedDeliveries(): void;
  /** Resolves once every notice noted so far was sent (or failed). */
  flush(): Promise<void>;
}

/**
 * Announces this runtime's commits on {@link LOG_COMMITTED}, never holding up the commit: one notice is in
 * flight at a time and whatever is noted meanwhile is merged into the next one, so a slow or unreachable
 * transport costs one pending notice, not a queue. A notice that fails is dropped: others still find the
 * events on their next log poll. An outage is logged once, and its end once.
 */
export function createCommitNotifier(
  transport: Transport,
  options: { origin: string; logger: Logger },
): CommitNotifier {
  let pending: { lastSeq: number; types: Set<string>; outbox: boolean } | undefined;
  let lastSeq = 0;
  let sending: Promise<void> | undefined;
  let failing = false;

  function next() {
    pending ??= { lastSeq, types: new Set(), outbox: false };
    sending ??= send();
    return pending;
  }

  async function send(): Promise<void> {
    // Notes from one tick (a commit's events, then its outbox flag) go out as one notice.
    await Promise.resolve();
    while (pending) {
      const notice: CommitNotice = {
        origin: options.origin,
        lastSeq: pending.lastSeq,
        types: [...pending.types],
        outbox: pending.outbox,
      };
      pending = undefined;
      try {
        await transport.publish(LOG_COMMITTED, notice);
        if (failing) options.logger.info('commit notices reach the transport again');
        failing = false;
      } catch (error) {
        if (!failing) {
          options.logger.warn(
            { err: error },
            `announcing commits on the ${transport.capabilities.name} transport failed (${errorMessage(error)}); other instances will see new events on their next log poll`,
          );
        }
        failing = true;
      }
    }
    sending = undefined;
  }

  return {
    committed(events) {
      if (events.length === 0) return;
      const notice = next();
      for (const event of events) {
        lastSeq = Math.max(lastSeq, event.seq);
        if (notice.types.size < MAX_NOTICE_TYPES) notice.types.add(event.type);
      }
      notice.lastSeq = lastSeq;
    },
    queuedDeliveries() {
      next().outbox = true;
    },
    async flush() {
      while (sending) await sending;
    },
  };
}

import type { StoredEvent } from '../model/index.js';
import type { EventLog } from '../store/index.js';
import type { Logger } from '../shared/index.js';
import { createPoller, type Poller } from './poller.js';

export type FeedListener = (events: StoredEvent[]) => void;

/**
 * Every committed event, once, in log order, to in-process listeners (SSE, the delivery worker,
 * workflows, detectors). Events this process committed are handed over directly when they follow the
 * last one seen; anything else (another process's writes, a gap) is read from the log: at once when
 * another instance's commit notice arrives (`noticed`), and on a short poll so a `cello apply` from
 * another process, or a lost notice, is noticed too.
 */
export class EventFeed {
  private listeners = new Set<FeedListener>();
  private lastSeen = 0;
  private readonly poller: Poller;

  constructor(
    private readonly log: EventLog,
    private readonly logger: Logger,
    pollMs = 250,
  ) {
    this.poller = createPoller({
      name: 'reading the event log',
      intervalMs: pollMs,
      run: () => this.readNew(),
      logger,
    });
  }

  async start(): Promise<void> {
    this.lastSeen = await this.log.lastSeq();
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** The position of the last event handed to listeners. */
  get position(): number {
    return this.lastSeen;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events this process just committed, in order. */
  offer(events: StoredEvent[]): void {
    if (events.length === 0) return;
    if (!this.poller.busy && events[0]!.seq === this.lastSeen + 1) this.emit(events);
    else this.poke();
  }

  /** Another instance says the log reached `lastSeq`: read now rather than on the next poll. */
  noticed(lastSeq: number): void {
    if (lastSeq > this.lastSeen) this.poke();
  }

  /** Reads whatever the log holds past the last event seen. */
  poke(): void {
    void this.poller.wake();
  }

  /** Resolves once everything committed so far has been handed to listeners. */
  async settle(): Promise<void> {
    if (this.poller.busy || (await this.log.lastSeq()) > this.lastSeen) await this.poller.wake();
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const batch = await this.log.query({ afterSeq: this.lastSeen, limit: 1_000 });
      if (batch.length === 0) return;
      this.emit(batch);
      if (batch.length < 1_000) return;
    }
  }

  private emit(events: StoredEvent[]): void {
    const fresh = events.filter((e) => e.seq > this.lastSeen);
    if (fresh.length === 0) return;
    this.lastSeen = fresh[fresh.length - 1]!.seq;
    for (const listener of this.listeners) {
      try {
        listener(fresh);
      } catch (error) {
        this.logger.error({ err: error }, 'an event feed listener failed');
      }
    }
  }
}

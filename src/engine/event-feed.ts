import type { StoredEvent } from '../model/index.js';
import type { EventLog } from '../store/index.js';
import type { Logger } from '../shared/index.js';

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
  private reading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly pollMs = 250,
  ) {}

  async start(): Promise<void> {
    this.lastSeen = await this.log.lastSeq();
    this.timer = setInterval(() => this.poke(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
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
    if (!this.reading && events[0]!.seq === this.lastSeen + 1) this.emit(events);
    else this.poke();
  }

  /** Another instance says the log reached `lastSeq`: read now rather than on the next poll. */
  noticed(lastSeq: number): void {
    if (lastSeq > this.lastSeen) this.poke();
  }

  /** Reads whatever the log holds past the last event seen. */
  poke(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'reading the event log failed; retrying on the next poll'),
      )
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves once everything committed so far has been handed to listeners. */
  async settle(): Promise<void> {
    while (this.reading) await this.reading;
    if ((await this.log.lastSeq()) > this.lastSeen) {
      this.poke();
      await this.reading;
    }
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

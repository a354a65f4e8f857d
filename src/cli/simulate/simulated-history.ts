import type { PublishEvent } from '../../client/index.js';

/** One event of a simulated case, before it gets its id and time. */
export interface SimulatedEvent {
  /** Unique within the seed, e.g. `loan-100001.requested`: the event id is derived from it and the seed. */
  key: string;
  type: string;
  source: string;
  subject: string;
  /** When it happened, epoch ms. */
  atMs: number;
  data?: Record<string, unknown>;
}

/**
 * The events of a simulation, in time order. Events later than `now` have not happened yet, so they are left
 * out (their case is still open). Ids are `s<seed>.<key>`: the same seed writes the same ids, and the log,
 * idempotent on source and id, stores a second run's events once.
 */
export class SimulatedHistory {
  private readonly entries: { atMs: number; order: number; event: PublishEvent }[] = [];

  constructor(
    readonly seed: number,
    readonly nowMs: number,
  ) {}

  /** Records an event; false when it lies in the future. */
  add(event: SimulatedEvent): boolean {
    if (event.atMs > this.nowMs) return false;
    // Whole seconds read better in the log and keep a case's order when two steps fall in the same second.
    const atMs = Math.floor(event.atMs / 1000) * 1000;
    this.entries.push({
      atMs,
      order: this.entries.length,
      event: {
        specversion: '1.0',
        id: `s${this.seed}.${event.key}`,
        source: event.source,
        type: event.type,
        subject: event.subject,
        time: new Date(atMs).toISOString(),
        datacontenttype: 'application/json',
        data: event.data ?? {},
        // Marks simulated history, so a person (or a filter) can tell it from real signals.
        extensions: { simulation: `seed-${this.seed}` },
      },
    });
    return true;
  }

  /** Every recorded event, oldest first (a case's steps keep their order at equal times). */
  events(): PublishEvent[] {
    return [...this.entries].sort((a, b) => a.atMs - b.atMs || a.order - b.order).map((e) => e.event);
  }
}

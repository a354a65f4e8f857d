import type { TransportHandler, TransportMessage } from './transport.js';

/**
 * Hands one subscription its messages one at a time, in arrival order, never inside the publisher's call.
 * A handler that throws (or rejects) is reported and keeps receiving. Both adapters use it, so both keep
 * the same ordering and isolation guarantees.
 */
export class SerialDelivery {
  private queue: TransportMessage[] = [];
  private draining = false;
  private stopped = false;

  constructor(
    private readonly handler: TransportHandler,
    private readonly onError: (error: unknown, message: TransportMessage) => void,
  ) {}

  push(message: TransportMessage): void {
    if (this.stopped) return;
    this.queue.push(message);
    if (!this.draining) void this.drain();
  }

  /** No more handler calls: what is queued is dropped. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private async drain(): Promise<void> {
    this.draining = true;
    await Promise.resolve();
    while (!this.stopped && this.queue.length > 0) {
      const message = this.queue.shift()!;
      try {
        await this.handler(message);
      } catch (error) {
        this.onError(error, message);
      }
    }
    this.draining = false;
  }
}

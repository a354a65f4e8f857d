import { ConflictError, silentLogger, type Logger } from '../shared/index.js';
import { SerialDelivery } from './serial-delivery.js';
import { checkPattern, checkSubject, subjectMatches } from './subject-pattern.js';
import { encodePayload, transportMessage } from './transport-message.js';
import type { Payload, Transport, TransportHandler, Unsubscribe } from './transport.js';

export interface InProcessTransportOptions {
  /** Where failing subscribers are reported. */
  logger?: Logger;
}

/**
 * The default transport: subscribers in this process only, nothing stored. Enough for one `cello serve`
 * (or several runtimes in one process, e.g. tests, that share it); the log poll covers other processes.
 */
export function createInProcessTransport(options: InProcessTransportOptions = {}): Transport {
  const logger = options.logger ?? silentLogger;
  const subscriptions = new Set<{ pattern: string; delivery: SerialDelivery }>();
  let closed = false;

  function assertOpen(): void {
    if (closed)
      throw new ConflictError(
        'The in-process transport is closed; publish and subscribe before close(), or create a new transport.',
      );
  }

  return {
    capabilities: { name: 'in-process', durable: false, crossProcess: false },

    async publish(subject: string, payload: Payload): Promise<void> {
      assertOpen();
      checkSubject(subject);
      const data = encodePayload(payload);
      for (const subscription of subscriptions) {
        if (subjectMatches(subscription.pattern, subject)) subscription.delivery.push(transportMessage(subject, data));
      }
    },

    async subscribe(pattern: string, handler: TransportHandler): Promise<Unsubscribe> {
      assertOpen();
      checkPattern(pattern);
      const delivery = new SerialDelivery(handler, (error, message) =>
        logger.error({ err: error, subject: message.subject }, 'a transport subscriber failed; it keeps receiving'),
      );
      const subscription = { pattern, delivery };
      subscriptions.add(subscription);
      return async () => {
        delivery.stop();
        subscriptions.delete(subscription);
      };
    },

    async close(): Promise<void> {
      closed = true;
      for (const subscription of subscriptions) subscription.delivery.stop();
      subscriptions.clear();
    },
  };
}

import { DeliverPolicy, jetstream, type Consumer, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ConflictError, type Logger } from '../../shared/index.js';
import { SerialDelivery } from '../serial-delivery.js';
import { checkPattern, checkSubject } from '../subject-pattern.js';
import { encodePayload, transportMessage } from '../transport-message.js';
import type { Payload, Transport, TransportHandler, Unsubscribe } from '../transport.js';
import { connectNats } from './connect-nats.js';
import { ensureStream } from './ensure-stream.js';
import { compileNatsOptions, redactUrl, type NatsTransportOptions } from './nats-options.js';

/**
 * The scale-out transport: NATS JetStream. A publish resolves once the stream stored the message; each
 * subscription is an ordered, ephemeral consumer that starts at the stream's end, and after a reconnect
 * resumes after the last message it saw. Several `cello serve` instances share one stream.
 */
export async function createNatsTransport(options: NatsTransportOptions): Promise<Transport> {
  const compiled = compileNatsOptions(options);
  const { stream, subjectPrefix, logger } = compiled;
  const { nc, jsm } = await connectNats(compiled);
  try {
    await ensureStream(jsm, compiled);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js = jetstream(nc, { timeout: compiled.connectTimeoutMs });
  const link = watchConnection(nc, logger, redactUrl(compiled.url));

  const subscriptions = new Set<{ delivery: SerialDelivery; messages: ConsumerMessages; consumer: Consumer }>();
  const publishing = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  const wire = (subject: string) => `${subjectPrefix}.${subject}`;
  const unwire = (subject: string) => subject.slice(subjectPrefix.length + 1);

  function assertOpen(): void {
    if (closing)
      throw new ConflictError(
        `The NATS transport (stream ${stream}) is closed; publish and subscribe before close(), or create a new transport.`,
      );
  }

  async function end(subscription: {
    delivery: SerialDelivery;
    messages: ConsumerMessages;
    consumer: Consumer;
  }): Promise<void> {
    subscription.delivery.stop();
    subscriptions.delete(subscription);
    if (!link.connected) return void subscription.messages.stop();
    await subscription.messages.close();
    // Ordered consumers are ephemeral and expire on their own; deleting now just tidies up.
    await subscription.consumer.delete().catch(() => undefined);
  }

  return {
    capabilities: { name: 'nats', durable: true, crossProcess: true },

    async publish(subject: string, payload: Payload): Promise<void> {
      assertOpen();
      checkSubject(subject);
      const acked = js.publish(wire(subject), encodePayload(payload));
      publishing.add(acked);
      try {
        await acked;
      } finally {
        publishing.delete(acked);
      }
    },

    async subscribe(pattern: string, handler: TransportHandler): Promise<Unsubscribe> {
      assertOpen();
      checkPattern(pattern);
      // Start right after what the stream holds now: the subscription sees what is published from here on.
      const { state } = await jsm.streams.info(stream);
      const consumer = await js.consumers.get(stream, {
        filter_subjects: wire(pattern),
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: state.last_seq + 1,
      });
      const delivery = new SerialDelivery(handler, (error, message) =>
        logger.error({ err: error, subject: message.subject }, 'a transport subscriber failed; it keeps receiving'),
      );
      const messages = await consumer.consume({
        expires: 10_000,
        callback: (message) => delivery.push(transportMessage(unwire(message.subject), message.data)),
      });
      const subscription = { delivery, messages, consumer };
      subscriptions.add(subscription);
      return () => end(subscription);
    },

    close(): Promise<void> {
      // While the server is away nothing can be finished or tidied up: close at once rather than wait out timeouts.
      closing ??= (async () => {
        if (link.connected) await Promise.allSettled([...publishing]);
        await Promise.allSettled([...subscriptions].map(end));
        if (link.connected) await nc.drain().catch(() => nc.close());
        else await nc.close();
      })();
      return closing;
    },
  };
}

/** Follows the connection: whether it is up now, and a log line for each loss and return (the client retries on its own). */
function watchConnection(nc: NatsConnection, logger: Logger, where: string): { readonly connected: boolean } {
  const link = { connected: true };
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        link.connected = false;
        logger.warn(
          `lost the connection to NATS at ${where}; reconnecting (events still reach other instances through the log poll)`,
        );
      } else if (status.type === 'reconnect') {
        link.connected = true;
        logger.info(`reconnected to NATS at ${where}`);
      }
    }
  })().catch(() => undefined);
  return link;
}

import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { errorMessage, InputError } from '../../shared/index.js';
import { redactUrl, type CompiledNatsOptions } from './nats-options.js';

/**
 * Connects, failing fast with a message that says what to do when the server is not there or lacks
 * JetStream. Once connected, the client reconnects on its own for as long as the process runs.
 */
export async function connectNats(
  options: CompiledNatsOptions,
): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  const where = redactUrl(options.url);
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: options.servers,
      name: options.name,
      timeout: options.connectTimeoutMs,
      waitOnFirstConnect: false,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  } catch (error) {
    throw new InputError(
      `Cello could not reach NATS at ${where} (${errorMessage(error)}). Start a NATS server with JetStream there (\`nats-server -js\`) or point CELLO_NATS_URL at one; unset CELLO_NATS_URL to run a single instance without NATS.`,
      { field: 'CELLO_NATS_URL', value: where },
    );
  }
  try {
    return { nc, jsm: await jetstreamManager(nc, { timeout: options.connectTimeoutMs }) };
  } catch (error) {
    await nc.close();
    throw new InputError(
      `NATS at ${where} answers, but its JetStream API does not (${errorMessage(error)}). Start nats-server with JetStream enabled (\`nats-server -js\`, or \`jetstream: enabled\` in its config) and give this user access to it.`,
      { field: 'CELLO_NATS_URL', value: where },
    );
  }
}

/** What differs between transports, as flags rather than `if (transport === 'nats')`. */
export interface TransportCapabilities {
  /** Human name of the transport, for logs and `/readyz`. */
  readonly name: string;
  /**
   * A publish resolves only once the transport has stored the message, and a subscription that loses its
   * connection resumes where it was: nothing published while it was away is skipped (within retention).
   */
  readonly durable: boolean;
  /** Messages reach subscribers in other processes (other `cello serve` instances), not only this one. */
  readonly crossProcess: boolean;
}

/**
 * What `publish` takes: bytes are sent as they are; anything else is sent as its JSON text. Declare
 * payload shapes as `type` aliases or interfaces; they are parsed from `unknown` on the receiving side.
 */
export type Payload = Uint8Array | object | string | number | boolean | null;

/** One message as a subscriber sees it. */
export interface TransportMessage {
  /** The subject it was published on, as the publisher wrote it (without any prefix the wire adds). */
  readonly subject: string;
  readonly data: Uint8Array;
  /** Parses `data` as JSON; throws `InputError` when it is not. The result is `unknown`: check it before use. */
  json(): unknown;
}

/** Called once per matching message; a returned promise is awaited before the next message is handed over. */
export type TransportHandler = (message: TransportMessage) => void | Promise<void>;

/** Ends a subscription; once it resolves, the handler is not called again. */
export type Unsubscribe = () => Promise<void>;

/**
 * The transport port: small notifications between the parts of Cello, possibly across processes.
 * Subjects are dot-separated tokens (`log.committed`); a subscription pattern may use `*` for one token and
 * `>` as its last token for one or more. The event log stays the source of truth: a transport carries
 * hints that something happened, never the only copy of it.
 *
 * Guarantees every adapter keeps (see `transport.contract.ts`): a subscription gets every matching message
 * published after `subscribe` resolved, one at a time, in the order one publisher published them; a
 * handler that throws does not stop the subscription; `close` lets started publishes finish.
 */
export interface Transport {
  readonly capabilities: TransportCapabilities;
  /** Sends `payload` to every subscription whose pattern matches `subject`. */
  publish(subject: string, payload: Payload): Promise<void>;
  /** Calls `handler` for each message on a subject matching `pattern`, from now on. */
  subscribe(pattern: string, handler: TransportHandler): Promise<Unsubscribe>;
  /** Finishes started publishes, ends every subscription and releases the connection. Idempotent. */
  close(): Promise<void>;
}

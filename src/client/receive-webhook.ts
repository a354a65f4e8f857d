import { validateCloudEvent, type CloudEvent } from '../model/index.js';
import { InputError, verifyWebhook, type HeaderBag } from '../shared/index.js';

export interface ReceiveWebhookInput {
  /** The request's headers (Node's `req.headers` or fetch `Headers`). */
  headers: HeaderBag;
  /** The body exactly as received: verify before parsing, never a re-serialized object. */
  body: string | Uint8Array;
  /** The subscription's `whsec_` secret, or several while it is being rotated. */
  secret: string | readonly string[];
  toleranceSeconds?: number;
  now?: Date;
}

export interface ReceivedWebhook {
  /** The delivery's id: the same on every retry, so a receiver can drop duplicates. */
  webhookId: string;
  /** When this attempt was signed, in Unix seconds. */
  timestamp: number;
  event: CloudEvent;
}

/**
 * Verifies a webhook Cello delivered (Standard Webhooks signature, replay window) and reads the
 * CloudEvent in its body (structured mode, `application/cloudevents+json`). Throws AuthenticationError
 * when the signature or timestamp is wrong, InputError when the body is not a CloudEvent.
 */
export function receiveWebhook(input: ReceiveWebhookInput): ReceivedWebhook {
  const { id, timestamp } = verifyWebhook(input.headers, input.body, input.secret, {
    toleranceSeconds: input.toleranceSeconds,
    now: input.now,
  });
  const text = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `The webhook ${id} is signed but its body is not JSON (${(error as Error).message}); Cello sends structured CloudEvents.`,
      { field: 'body' },
    );
  }
  return { webhookId: id, timestamp, event: validateCloudEvent(raw, { where: `The webhook ${id}` }) };
}

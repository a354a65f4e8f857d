/**
 * Standard Webhooks signatures (symmetric, `v1`): HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`,
 * keyed by the base64 bytes of a `whsec_` secret. Lives in shared because the engine signs and the
 * client SDK verifies, and neither may import the other.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthenticationError, InputError } from './errors.js';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The three headers a signed webhook carries (a type alias, so it passes where a header record is expected). */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export interface SignWebhookInput {
  /** The delivery's id: the same on every retry, so receivers can drop duplicates. */
  id: string;
  /** When this attempt is sent, in Unix seconds. */
  timestamp: number;
  /** The exact bytes that are sent. */
  body: string | Uint8Array;
  /** A `whsec_` secret, or several while a secret is being rotated (one signature each). */
  secret: string | readonly string[];
}

/** Headers as Node (`IncomingHttpHeaders`) or fetch (`Headers`) present them. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way, before the webhook counts as replayed. */
  toleranceSeconds?: number;
  now?: Date;
}

const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const SECONDS = /^\d{1,12}$/;

/** A new random signing secret, `whsec_` and standard base64 (what every Standard Webhooks library reads). */
export function newWebhookSecret(bytes = 32): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(bytes).toString('base64');
}

/** The HMAC key inside a `whsec_` secret (the prefix is optional, as the reference libraries accept). */
export function parseWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
  if (!key || key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new InputError(
      `The webhook secret "${secret.slice(0, 10)}…" is not a Standard Webhooks secret; use the whsec_ secret Cello gave for the subscription (whsec_ and base64 of ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} random bytes).`,
      { field: 'secret' },
    );
  }
  return key;
}

function hmac(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** Signs one webhook attempt; returns the headers to send with `body`. */
export function signWebhook(input: SignWebhookInput): WebhookHeaders {
  const { id, timestamp, body } = input;
  if (!id || id.includes('.')) {
    throw new InputError(
      `The webhook id "${id}" cannot be signed: it must be non-empty and hold no "." (the signed content is id.timestamp.body).`,
      { field: 'id' },
    );
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0 || timestamp > 99_999_999_999) {
    throw new InputError(
      `The webhook timestamp ${timestamp} is not Unix seconds; pass Math.floor(Date.now() / 1000), not milliseconds.`,
      { field: 'timestamp' },
    );
  }
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  const stamp = String(timestamp);
  const signatures = secrets.map(
    (secret) => `v1,${hmac(parseWebhookSecret(secret), id, stamp, body).toString('base64')}`,
  );
  return { 'webhook-id': id, 'webhook-timestamp': stamp, 'webhook-signature': signatures.join(' ') };
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  let value = record[name];
  if (value === undefined) {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  return Array.isArray(value) ? value.join(' ') : value;
}

function requiredHeader(headers: HeaderBag, name: string): string {
  const value = header(headers, name);
  if (!value)
    throw refuse(
      `The webhook has no ${name} header, so it cannot be verified; only accept webhooks signed by Cello.`,
      'missing_header',
      name,
    );
  return value;
}

function refuse(message: string, reason: string, field?: string): AuthenticationError {
  return new AuthenticationError(message, field ? { reason, field } : { reason });
}

/**
 * Verifies a received webhook against its `whsec_` secret (or several, during rotation): one matching
 * `v1` signature, compared in constant time, and a timestamp within the tolerance (default 5 minutes).
 * Pass the body exactly as received. Returns the webhook's id and timestamp; throws AuthenticationError.
 */
export function verifyWebhook(
  headers: HeaderBag,
  body: string | Uint8Array,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): { id: string; timestamp: number } {
  const id = requiredHeader(headers, 'webhook-id');
  const stamp = requiredHeader(headers, 'webhook-timestamp');
  const signature = requiredHeader(headers, 'webhook-signature');
  if (!SECONDS.test(stamp)) {
    throw refuse(
      `The webhook-timestamp header "${stamp.slice(0, 20)}" is not Unix seconds; the webhook is refused.`,
      'invalid_timestamp',
      'webhook-timestamp',
    );
  }
  const timestamp = Number(stamp);
  const tolerance = options.toleranceSeconds ?? 300;
  const skew = Math.round((options.now ?? new Date()).getTime() / 1000) - timestamp;
  if (Math.abs(skew) > tolerance) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw refuse(
      `The webhook was signed ${when}, outside the ${tolerance} s tolerance; it may be a replay, or a clock is off (check NTP).`,
      'timestamp_out_of_tolerance',
      'webhook-timestamp',
    );
  }
  const expected = (typeof secret === 'string' ? [secret] : secret).map((s) =>
    hmac(parseWebhookSecret(s), id, stamp, body),
  );
  for (const candidate of signature.split(' ')) {
    if (!candidate.startsWith('v1,')) continue; // other schemes (v1a) and empty entries are not ours to check
    const given = Buffer.from(candidate.slice(3), 'base64');
    if (expected.some((e) => e.length === given.length && timingSafeEqual(e, given))) return { id, timestamp };
  }
  throw refuse(
    'No v1 signature in the webhook-signature header matches; check that the secret is the one for this subscription and that the body is verified exactly as received, not re-serialized.',
    'signature_mismatch',
    'webhook-signature',
  );
}

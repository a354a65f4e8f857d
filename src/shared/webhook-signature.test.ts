import { describe, expect, it } from 'vitest';
import { AuthenticationError, InputError } from './errors.js';
import { newWebhookSecret, parseWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature.js';

// The reference vector the Standard Webhooks libraries test against.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const AT = new Date(TIMESTAMP * 1000);

function refusal(run: () => unknown): AuthenticationError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthenticationError) return error;
    throw error;
  }
  throw new Error('expected the webhook to be refused');
}

describe('Standard Webhooks signatures', () => {
  it('signs the reference vector exactly', () => {
    expect(signWebhook({ id: ID, timestamp: TIMESTAMP, body: BODY, secret: SECRET })).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': String(TIMESTAMP),
      'webhook-signature': SIGNATURE,
    });
  });

  it('verifies the reference vector, from Node headers or fetch Headers, from a string or the raw bytes', () => {
    const headers = { 'webhook-id': ID, 'webhook-timestamp': String(TIMESTAMP), 'webhook-signature': SIGNATURE };
    expect(verifyWebhook(headers, BODY, SECRET, { now: AT })).toEqual({ id: ID, timestamp: TIMESTAMP });
    expect(verifyWebhook(new Headers(headers), Buffer.from(BODY), SECRET, { now: AT }).id).toBe(ID);
    expect(
      verifyWebhook(
        { 'Webhook-Id': ID, 'Webhook-Timestamp': String(TIMESTAMP), 'Webhook-Signature': SIGNATURE },
        BODY,
        SECRET,
        { now: AT },
      ).id,
    ).toBe(ID);
  });

  it('accepts one matching signature among several (secret rotation), skipping other schemes', () => {
    const headers = {
      'webhook-id': ID,
      'webhook-timestamp': String(TIMESTAMP),
      'webhook-signature': `v1a,AAAA v1,${'A'.repeat(43)}= ${SIGNATURE}`,
    };
    expect(verifyWebhook(headers, BODY, SECRET, { now: AT }).id).toBe(ID);
  });

  it('signs with every secret during a rotation, and either secret verifies', () => {
    const next = newWebhookSecret();
    const headers = signWebhook({ id: 'd1', timestamp: TIMESTAMP, body: BODY, secret: [SECRET, next] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(headers, BODY, next, { now: AT }).id).toBe('d1');
    expect(verifyWebhook(headers, BODY, [newWebhookSecret(), SECRET], { now: AT }).id).toBe('d1');
  });

  it('refuses a tampered body and a wrong secret', () => {
    const headers = signWebhook({ id: 'd1', timestamp: TIMESTAMP, body: BODY, secret: SECRET });
    for (const error of [
      refusal(() => verifyWebhook(headers, `${BODY} `, SECRET, { now: AT })),
      refusal(() => verifyWebhook(headers, BODY, newWebhookSecret(), { now: AT })),
    ]) {
      expect(error.details).toEqual({ reason: 'signature_mismatch', field: 'webhook-signature' });
      expect(error.message).toMatch(/verified exactly as received, not re-serialized/);
    }
  });

  it('refuses a replay outside the tolerance, either way', () => {
    const headers = signWebhook({ id: 'd1', timestamp: TIMESTAMP, body: BODY, secret: SECRET });
    const later = new Date(AT.getTime() + 301_000);
    expect(refusal(() => verifyWebhook(headers, BODY, SECRET, { now: later })).message).toMatch(
      /signed 301 s old, outside the 300 s tolerance/,
    );
    const earlier = new Date(AT.getTime() - 301_000);
    expect(refusal(() => verifyWebhook(headers, BODY, SECRET, { now: earlier })).message).toMatch(
      /301 s in the future/,
    );
    expect(verifyWebhook(headers, BODY, SECRET, { now: later, toleranceSeconds: 600 }).id).toBe('d1');
  });

  it('names a missing or malformed header', () => {
    const headers = signWebhook({ id: 'd1', timestamp: TIMESTAMP, body: BODY, secret: SECRET });
    const { 'webhook-signature': _signature, ...unsigned } = headers;
    expect(refusal(() => verifyWebhook(unsigned, BODY, SECRET, { now: AT })).details).toEqual({
      reason: 'missing_header',
      field: 'webhook-signature',
    });
    expect(
      refusal(() => verifyWebhook({ ...headers, 'webhook-timestamp': '2021-02-25' }, BODY, SECRET, { now: AT })).details
        .reason,
    ).toBe('invalid_timestamp');
  });

  it('makes secrets any Standard Webhooks library reads, and refuses ones that are not', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(parseWebhookSecret(secret)).toHaveLength(32);
    expect(() => parseWebhookSecret('whsec_c2hvcnQ=')).toThrow(InputError);
    expect(() => parseWebhookSecret('not a secret')).toThrow(/not a Standard Webhooks secret/);
  });

  it('refuses to sign what receivers would misread', () => {
    expect(() => signWebhook({ id: 'a.b', timestamp: TIMESTAMP, body: BODY, secret: SECRET })).toThrow(/hold no "."/);
    expect(() => signWebhook({ id: 'd1', timestamp: Date.now(), body: BODY, secret: SECRET })).toThrow(
      /not Unix seconds; pass Math.floor\(Date.now\(\) \/ 1000\)/,
    );
  });
});

import { InputError } from '../shared/index.js';
import type { Payload, TransportMessage } from './transport.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bytes as they are; anything else as its JSON text. */
export function encodePayload(payload: Payload): Uint8Array {
  if (payload instanceof Uint8Array) return payload;
  return encoder.encode(JSON.stringify(payload));
}

/** The message a subscriber is handed; `json()` parses on demand, so a handler that ignores the body pays nothing. */
export function transportMessage(subject: string, data: Uint8Array): TransportMessage {
  return {
    subject,
    data,
    json() {
      const text = decoder.decode(data);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new InputError(
          `The message on "${subject}" is not JSON (it starts "${text.slice(0, 40)}"); read it with \`data\` instead of \`json()\`.`,
          {
            field: 'payload',
            subject,
          },
        );
      }
    },
  };
}

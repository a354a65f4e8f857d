import {
  EVENT_ROUTES,
  validateCloudEvent,
  type CloudEvent,
  type ExtensionValue,
  type PublishReceipt as AcknowledgedEvents,
} from '../model/index.js';
import { InputError, errorMessage, newId } from '../shared/index.js';
import { callRoute, type CelloServer } from './call-route.js';
import { CelloHttpError } from './cello-http-error.js';

export interface CelloClientOptions {
  /** The server, e.g. `http://127.0.0.1:7420` (what `CELLO_URL` holds for the CLI). */
  url: string;
  /** A cell's or the admin's token (`cello token create`). */
  token?: string;
  /** Another fetch, e.g. one with a proxy agent; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** How long one request may take before it is abandoned. Default 30 s. */
  timeoutMs?: number;
}

/** An event to publish: `type` and `source` at least; `id` and `time` are filled in when absent. */
export interface PublishEvent {
  type: string;
  source: string;
  /** Unique for the source; reuse it when retrying, so the server stores the event once. */
  id?: string;
  specversion?: '1.0';
  subject?: string;
  time?: string | Date;
  datacontenttype?: string;
  dataschema?: string;
  /** JSON-able data, or bytes (sent as `data_base64`). */
  data?: unknown;
  dataBase64?: string;
  extensions?: Record<string, ExtensionValue>;
}

/**
 * What the server acknowledged: every event is durably stored once `publish` returns. A server that answers
 * without a receipt is taken to have stored each event as sent (`seq` and `duplicate` then unknown).
 */
export interface PublishReceipt {
  accepted: number;
  events: (Pick<AcknowledgedEvents['events'][number], 'id' | 'source'> &
    Partial<Pick<AcknowledgedEvents['events'][number], 'seq' | 'duplicate'>>)[];
}

export interface CelloClient {
  /**
   * Publishes one event (structured mode) or several (one all-or-nothing batch). Resolves once the server
   * acknowledged (202); invalid events are refused locally first, with the server's own messages.
   * Publishing is idempotent on (source, id), so retrying a failed call with the same events is safe.
   */
  publish(events: PublishEvent | readonly PublishEvent[]): Promise<PublishReceipt>;
}

function toJsonEvent(event: PublishEvent): Record<string, unknown> {
  const { extensions, dataBase64, data, time, ...attributes } = event;
  const json: Record<string, unknown> = { ...extensions, ...attributes, specversion: '1.0', id: event.id ?? newId() };
  json.time = time instanceof Date ? time.toISOString() : (time ?? new Date().toISOString());
  if (data instanceof Uint8Array) {
    json.data_base64 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
    json.datacontenttype ??= 'application/octet-stream';
  } else if (data !== undefined) json.data = data;
  if (dataBase64 !== undefined) json.data_base64 = dataBase64;
  return json;
}

/** Serializes and checks events once: the same rules the server applies, so mistakes show without a round trip. */
function encode(events: readonly PublishEvent[], batch: boolean): { body: string; events: CloudEvent[] } {
  const texts: string[] = [];
  const checked = events.map((event, index) => {
    const json = toJsonEvent(event);
    const text = JSON.stringify(json);
    texts.push(text);
    const where = batch ? `Event at index ${index}` : undefined;
    return validateCloudEvent(json, { where, index: batch ? index : undefined, sizeBytes: Buffer.byteLength(text) });
  });
  return { body: batch ? `[${texts.join(',')}]` : texts[0]!, events: checked };
}

/** A client for a Cello server: what a cell needs to publish signals. */
export function createCelloClient(options: CelloClientOptions): CelloClient {
  let base: string;
  try {
    base = new URL(options.url).href.replace(/\/+$/, '');
  } catch {
    throw new InputError(`The Cello URL "${options.url}" is not a URL; give one such as http://127.0.0.1:7420.`, {
      field: 'url',
    });
  }
  const server: CelloServer = {
    url: base,
    ...(options.token ? { token: options.token } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
    unreachable: (url, cause) =>
      new CelloHttpError(
        `Could not reach the Cello server at ${url} (${errorMessage(cause)}); check the URL (CELLO_URL) and that \`cello serve\` is running. Publishing again with the same events is safe.`,
        0,
      ),
  };

  return {
    async publish(input) {
      const batch = Array.isArray(input);
      const list: readonly PublishEvent[] = batch ? input : [input as PublishEvent];
      const { body, events } = encode(list, batch);
      const receipt: Partial<AcknowledgedEvents> | undefined = await callRoute(server, EVENT_ROUTES.publish, {
        body,
        contentType: `application/${batch ? 'cloudevents-batch+json' : 'cloudevents+json'}; charset=utf-8`,
      });
      return {
        accepted: receipt?.accepted ?? events.length,
        events: receipt?.events ?? events.map((e) => ({ id: e.id, source: e.source })),
      };
    },
  };
}

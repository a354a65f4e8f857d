import { parseMediaType, validateCloudEvent, type CloudEvent, type MediaType } from '../../model/index.js';
import { InputError, LimitError } from '../../shared/index.js';
import { decodeBinaryData } from './binary-data.js';
import { decodeHeaderValue } from './header-value.js';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.js';
import { parseJsonBody } from './json-body.js';
import { upgradeFrom03 } from './spec-version-03.js';

/** The media type of one event in the JSON event format (structured mode). */
export const CLOUDEVENTS_JSON = 'application/cloudevents+json';
/** The media type of a JSON array of events (batched mode). */
export const CLOUDEVENTS_BATCH_JSON = 'application/cloudevents-batch+json';

/** Headers as Node presents them; names in any case. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface HttpEventsRequest {
  /** The Content-Type header; looked up in `headers` when absent. */
  contentType?: string;
  headers: RequestHeaders;
  body: Buffer;
}

export type ContentMode = 'binary' | 'structured' | 'batch';

export interface ParsedHttpEvents {
  mode: ContentMode;
  events: CloudEvent[];
}

const ACCEPTED =
  `${CLOUDEVENTS_JSON} (one event), ${CLOUDEVENTS_BATCH_JSON} (a JSON array of events), ` +
  'or binary mode (the data as the body, with ce-specversion, ce-id, ce-source and ce-type headers)';

/**
 * Reads the CloudEvents in an HTTP request (HTTP protocol binding 1.0): binary, structured or batched
 * mode, chosen by Content-Type. Every event is validated; a batch is all or nothing, and its errors
 * carry `details.index`. Throws only InputError and LimitError, whose messages name the attribute.
 */
export function parseHttpEvents(
  request: HttpEventsRequest,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): ParsedHttpEvents {
  const { body, headers } = request;
  if (body.length > limits.maxBodyBytes) {
    throw new LimitError(
      `The request body is ${body.length} bytes, over the limit of ${limits.maxBodyBytes}; send fewer or smaller events per request.`,
      {
        field: 'body',
        size: body.length,
        limit: limits.maxBodyBytes,
      },
    );
  }
  const contentType = request.contentType ?? headerOf(headers, 'content-type');
  const type = contentType ? parseMediaType(contentType) : undefined;
  if (type?.essence === CLOUDEVENTS_JSON) return { mode: 'structured', events: [parseStructured(body, type, limits)] };
  if (type?.essence === CLOUDEVENTS_BATCH_JSON) return { mode: 'batch', events: parseBatch(body, type, limits) };
  if (type?.type === 'application' && type.subtype.startsWith('cloudevents')) {
    throw new InputError(`Content-Type "${contentType}" is an event format Cello does not read; send ${ACCEPTED}.`, {
      field: 'Content-Type',
    });
  }
  if (hasCeHeader(headers)) return { mode: 'binary', events: [parseBinary(headers, contentType, body, limits)] };
  const sent = contentType ? `Content-Type "${contentType}"` : 'no Content-Type';
  throw new InputError(`The request has ${sent} and no ce- headers, so it holds no CloudEvent; send ${ACCEPTED}.`, {
    field: 'Content-Type',
  });
}

function headerOf(headers: RequestHeaders, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return Array.isArray(direct) ? direct[0] : direct;
  for (const key in headers) {
    if (key.toLowerCase() === name) {
      const value = headers[key];
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

function isCeHeader(name: string): boolean {
  return (
    name.length > 2 &&
    (name.charCodeAt(0) | 0x20) === 0x63 &&
    (name.charCodeAt(1) | 0x20) === 0x65 &&
    name.charCodeAt(2) === 0x2d
  );
}

function hasCeHeader(headers: RequestHeaders): boolean {
  for (const key in headers) if (isCeHeader(key)) return true;
  return false;
}

function checkJsonCharset(type: MediaType): void {
  const charset = type.parameters.charset?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new InputError(
      `Content-Type says charset=${type.parameters.charset}, but JSON is read as UTF-8; encode the body as UTF-8 and say charset=utf-8 (or no charset).`,
      {
        field: 'Content-Type',
      },
    );
  }
}

function parseStructured(body: Buffer, type: MediaType, limits: IngestLimits): CloudEvent {
  checkJsonCharset(type);
  let raw = parseJsonBody(body, 'The request body', 'body', limits.maxJsonDepth);
  if (isRecord(raw) && raw.specversion === '0.3') raw = upgradeFrom03(raw);
  return validateCloudEvent(raw, { limits, sizeBytes: body.length });
}

function parseBatch(body: Buffer, type: MediaType, limits: IngestLimits): CloudEvent[] {
  checkJsonCharset(type);
  const raw = parseJsonBody(body, 'The request body', 'body', limits.maxJsonDepth);
  if (!Array.isArray(raw)) {
    throw new InputError(
      `A ${CLOUDEVENTS_BATCH_JSON} body must be a JSON array of events; wrap the events in [ ], or send one event as ${CLOUDEVENTS_JSON}.`,
      {
        field: 'body',
      },
    );
  }
  if (raw.length > limits.maxBatchEvents) {
    throw new LimitError(
      `The batch has ${raw.length} events, over the limit of ${limits.maxBatchEvents}; split it into several requests.`,
      {
        field: 'body',
        size: raw.length,
        limit: limits.maxBatchEvents,
      },
    );
  }
  // No event can be larger than a body within the event limit, so measuring each is only needed for big bodies.
  const sizeBytes = body.length <= limits.maxEventBytes ? body.length : undefined;
  const events = new Array<CloudEvent>(raw.length);
  for (let index = 0; index < raw.length; index++) {
    const where = `Batch event at index ${index} (the whole batch is refused)`;
    let item: unknown = raw[index];
    if (isRecord(item) && item.specversion === '0.3') item = upgradeFrom03(item, { where, index });
    events[index] = validateCloudEvent(item, { where, index, limits, sizeBytes });
  }
  return events;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBinary(
  headers: RequestHeaders,
  contentType: string | undefined,
  body: Buffer,
  limits: IngestLimits,
): CloudEvent {
  // No prototype: a header named ce-__proto__ becomes an attribute validation refuses, not a prototype.
  const attributes = Object.create(null) as Record<string, unknown>;
  let headerBytes = 0;
  for (const key in headers) {
    if (!isCeHeader(key)) continue;
    const value = headers[key];
    if (value === undefined) continue;
    const name = key.slice(3).toLowerCase();
    if (Array.isArray(value) || name in attributes) {
      throw new InputError(`Header ce-${name} is sent more than once; send each ce- header once.`, { field: name });
    }
    if (name === 'datacontenttype') {
      throw new InputError(
        'Header ce-datacontenttype may not be sent in binary mode; the Content-Type header carries the media type of the data.',
        { field: name },
      );
    }
    if (name === 'data' || name === '') {
      throw new InputError(
        `Header ${key} is not a CloudEvents attribute; in binary mode the data is the request body.`,
        { field: name },
      );
    }
    attributes[name] = decodeHeaderValue(value, name);
    headerBytes += key.length + value.length;
  }
  if (contentType) attributes.datacontenttype = contentType;
  const raw = attributes.specversion === '0.3' ? upgradeFrom03(attributes) : attributes;
  const event = validateCloudEvent(raw, {
    binary: true,
    limits,
    sizeBytes: headerBytes + body.length,
    dataBytes: body.length,
  });
  const type = event.datacontenttype === undefined ? undefined : parseMediaType(event.datacontenttype);
  return Object.assign(event, decodeBinaryData(body, type, limits.maxJsonDepth));
}

import { InputError, LimitError } from '../shared/isomorphic.js';
import type { CloudEvent, ExtensionValue } from './cloud-event.js';
import {
  forbiddenCharacterAt,
  isAbsoluteUri,
  isBase64,
  isTimestamp,
  isUriReference,
  utf8Length,
} from './cloud-event-formats.js';
import { parseMediaType } from './media-type.js';

/** Limits on one event. Sizes are UTF-8 bytes, lengths are characters. */
export interface CloudEventLimits {
  /** Largest event, attributes and data together, as received. */
  maxEventBytes: number;
  /** Longest string value of one attribute (data excluded). */
  maxAttributeLength: number;
  /**
   * Longest extension attribute name. The spec says names SHOULD NOT exceed 20 characters; that is a
   * recommendation, so longer names are accepted up to this bound, which only guards against abuse.
   */
  maxAttributeNameLength: number;
}

export const DEFAULT_CLOUD_EVENT_LIMITS: Readonly<CloudEventLimits> = Object.freeze({
  maxEventBytes: 256 * 1024,
  maxAttributeLength: 4096,
  maxAttributeNameLength: 64,
});

export interface ValidateCloudEventOptions {
  /** Where the event came from, put before messages: `Event 3 of the batch`. */
  where?: string;
  /** Position in a batch, copied into error details. */
  index?: number;
  /** Name attributes as the binary-mode HTTP headers that carried them (`header ce-id`). */
  binary?: boolean;
  limits?: CloudEventLimits;
  /** The event's size in bytes as received; measured from `raw` when absent. */
  sizeBytes?: number;
  /** Bytes of data carried outside `raw` (a binary-mode body), so a size error can blame the data. */
  dataBytes?: number;
}

const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;

const HOW_TO_FIX = {
  specversion: 'set it to "1.0"',
  id: 'give every event an id that is unique for its source, e.g. a UUID',
  source: 'set it to a URI-reference naming the producer, e.g. /cells/risk or urn:acme:risk',
  type: 'set it to a reverse-DNS event type, e.g. com.acme.risk.score.changed',
  subject: 'leave it out or name what the event is about, e.g. loan-42',
  time: 'write an RFC 3339 timestamp such as 2026-01-05T09:00:00Z',
  datacontenttype: 'write a media type such as application/json or text/plain; charset=utf-8',
  dataschema: 'write an absolute URI with a scheme, e.g. https://acme.example/schemas/score.json',
} as const;

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const NAME_CHAR = /^[a-z0-9]+$/;

/**
 * Checks `raw` (a JSON-format event, or the attributes of a binary-mode one) against the MUST rules of
 * CloudEvents 1.0 and returns it normalized. Throws InputError (or LimitError for sizes) whose message
 * names the attribute, says what is wrong and how to fix it; `details.field` is the attribute name.
 */
export function validateCloudEvent(raw: unknown, options: ValidateCloudEventOptions = {}): CloudEvent {
  const check = new Checker(options);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw check.fail(
      undefined,
      `is ${describe(raw)}, not a JSON object`,
      'send an object with specversion, id, source and type',
    );
  }
  const record = raw as Record<string, unknown>;
  const limits = options.limits ?? DEFAULT_CLOUD_EVENT_LIMITS;
  const size = options.sizeBytes ?? measure(record, check);
  if (size > limits.maxEventBytes) throw check.tooLarge(record, size, limits.maxEventBytes);

  for (const name of REQUIRED) {
    const value = record[name];
    if (value === undefined || value === null) throw check.fail(name, 'is missing', HOW_TO_FIX[name]);
    check.string(name, value, HOW_TO_FIX[name]);
    if (value === '') throw check.fail(name, 'is empty', HOW_TO_FIX[name]);
  }
  if (record.specversion !== '1.0') {
    throw check.fail(
      'specversion',
      `is ${describe(record.specversion)}; Cello accepts CloudEvents 1.0 only`,
      HOW_TO_FIX.specversion,
    );
  }
  const event: CloudEvent = {
    specversion: '1.0',
    id: record.id as string,
    source: record.source as string,
    type: record.type as string,
  };
  if (!isUriReference(event.source)) {
    throw check.fail(
      'source',
      `is ${describe(event.source)}, which is not a URI-reference (RFC 3986)`,
      `percent-encode spaces and other special characters; ${HOW_TO_FIX.source}`,
    );
  }

  let extensions: Record<string, ExtensionValue> | undefined;
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (value === undefined || value === null) continue; // the JSON format writes unset attributes as null
    switch (name) {
      case 'specversion':
      case 'id':
      case 'source':
      case 'type':
        break;
      case 'subject':
        if (check.string(name, value, HOW_TO_FIX.subject) === '')
          throw check.fail(name, 'is empty', HOW_TO_FIX.subject);
        event.subject = value as string;
        break;
      case 'time':
        if (!isTimestamp(check.string(name, value, HOW_TO_FIX.time))) {
          throw check.fail(name, `is ${describe(value)}, which is not an RFC 3339 timestamp`, HOW_TO_FIX.time);
        }
        event.time = value as string;
        break;
      case 'datacontenttype':
        if (!parseMediaType(check.string(name, value, HOW_TO_FIX.datacontenttype))) {
          throw check.fail(
            name,
            `is ${describe(value)}, which is not a media type (RFC 2046)`,
            HOW_TO_FIX.datacontenttype,
          );
        }
        event.datacontenttype = value as string;
        break;
      case 'dataschema':
        if (!isAbsoluteUri(check.string(name, value, HOW_TO_FIX.dataschema))) {
          throw check.fail(name, `is ${describe(value)}, which is not an absolute URI`, HOW_TO_FIX.dataschema);
        }
        event.dataschema = value as string;
        break;
      case 'data':
        event.data = value;
        break;
      case 'data_base64':
        if (typeof value !== 'string' || !isBase64(value)) {
          throw check.fail(
            name,
            `is ${describe(value)}, which is not base64 (RFC 4648)`,
            'encode the bytes as standard padded base64, or send text and JSON in data',
          );
        }
        event.dataBase64 = value;
        break;
      default:
        extensions ??= {};
        extensions[name] = check.extension(name, value);
    }
  }
  if (event.data !== undefined && event.dataBase64 !== undefined) {
    throw check.fail(
      'data_base64',
      'is set together with data',
      'send binary data in data_base64 or other data in data, not both',
    );
  }
  if (extensions) event.extensions = extensions;
  return event;
}

/** Builds the errors for one event and checks values that share rules. */
class Checker {
  private readonly limits: CloudEventLimits;
  constructor(private readonly options: ValidateCloudEventOptions) {
    this.limits = options.limits ?? DEFAULT_CLOUD_EVENT_LIMITS;
  }

  fail(name: string | undefined, problem: string, fix: string): InputError {
    return new InputError(`${this.subject(name)} ${problem}; ${fix}.`, this.details(name));
  }

  /** A string attribute value: its type, length and characters. */
  string(name: string, value: unknown, fix: string): string {
    if (typeof value !== 'string') throw this.fail(name, `is ${describe(value)}, but it must be a string`, fix);
    if (value.length > this.limits.maxAttributeLength) {
      throw new LimitError(
        `${this.subject(name)} is ${value.length} characters long, over the limit of ${this.limits.maxAttributeLength}; keep attributes short and put content in data.`,
        { ...this.details(name), limit: this.limits.maxAttributeLength },
      );
    }
    const at = forbiddenCharacterAt(value);
    if (at !== -1) {
      const code = value.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
      throw this.fail(
        name,
        `holds the character U+${code} at position ${at}, which CloudEvents strings may not contain`,
        'remove it, or carry such content in data',
      );
    }
    return value;
  }

  extension(name: string, value: unknown): ExtensionValue {
    if (!NAME_CHAR.test(name)) {
      const suggestion = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      const hint = suggestion ? `, e.g. "${suggestion}"` : '';
      throw this.fail(
        name,
        'is not a valid attribute name',
        `CloudEvents attribute names are lower-case letters a-z and digits 0-9 only${hint}`,
      );
    }
    if (name.length > this.limits.maxAttributeNameLength) {
      throw this.fail(
        name,
        `has a ${name.length}-character name, over the limit of ${this.limits.maxAttributeNameLength}`,
        'use a shorter name (the spec recommends 20 characters or fewer)',
      );
    }
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
        throw this.fail(
          name,
          `is ${value}, but extension numbers must be 32-bit integers`,
          'send other numbers as a string, or move them into data',
        );
      }
      return value;
    }
    if (typeof value === 'string') return this.string(name, value, 'shorten it or move it into data');
    throw this.fail(
      name,
      `is ${describe(value)}, but extension values must be strings, integers or booleans`,
      'send it as a string, or move structured content into data',
    );
  }

  tooLarge(record: Record<string, unknown>, size: number, limit: number): LimitError {
    let largest = 'data';
    let largestSize = this.options.dataBytes ?? -1;
    for (const name of Object.keys(record)) {
      // A value JSON cannot write (too deep, circular) is the likeliest culprit.
      const bytes = jsonBytes(record[name]) ?? size;
      if (bytes > largestSize) [largest, largestSize] = [name, bytes];
    }
    return new LimitError(
      `${this.subject(undefined)} is ${kib(size)}, over the limit of ${kib(limit)}; most of it is ${this.label(largest)} (${kib(largestSize)}): send large content by reference, e.g. a URL in data.`,
      { ...this.details(largest), size, limit },
    );
  }

  private label(name: string | undefined): string {
    if (name === undefined) return 'the event';
    if (!this.options.binary) return `attribute "${name}"`;
    if (name === 'datacontenttype') return 'the Content-Type header';
    if (name === 'data') return 'the body';
    return `header ce-${name}`;
  }

  private subject(name: string | undefined): string {
    const label = this.label(name);
    return this.options.where ? `${this.options.where}: ${label}` : label[0]!.toUpperCase() + label.slice(1);
  }

  private details(name: string | undefined): Record<string, unknown> {
    const details: Record<string, unknown> = {};
    if (name !== undefined) details.field = name;
    if (this.options.index !== undefined) details.index = this.options.index;
    return details;
  }
}

function measure(record: Record<string, unknown>, check: Checker): number {
  const bytes = jsonBytes(record);
  if (bytes === undefined)
    throw check.fail(undefined, 'cannot be written as JSON', 'send data that JSON can represent');
  return bytes;
}

function jsonBytes(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : utf8Length(text);
  } catch {
    return undefined;
  }
}

function kib(bytes: number): string {
  return `${Number((bytes / 1024).toFixed(1))} KiB`;
}

/** A short, safe rendering of a value for a message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'missing';
    default:
      return `${typeof value} ${String(value)}`;
  }
}

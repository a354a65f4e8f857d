import { isUtf8 } from 'node:buffer';
import type { CloudEvent, MediaType } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { parseJsonBody } from './json-body.js';

const TEXT_TYPES = new Set([
  'application/xml',
  'application/yaml',
  'application/x-yaml',
  'application/javascript',
  'application/x-www-form-urlencoded',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** Whether data of this media type is JSON: `application/json`, `text/json` or any `+json` suffix. */
export function isJsonMediaType(type: MediaType): boolean {
  return type.essence === 'application/json' || type.essence === 'text/json' || type.subtype.endsWith('+json');
}

/** Whether data of this media type is text: `text/*`, XML, YAML and the like, or anything with a charset. */
export function isTextMediaType(type: MediaType): boolean {
  return (
    type.type === 'text' ||
    type.subtype.endsWith('+xml') ||
    TEXT_TYPES.has(type.essence) ||
    type.parameters.charset !== undefined
  );
}

function decodeText(body: Buffer, charset: string): string | undefined {
  if (UTF8_LABELS.has(charset)) {
    if (!isUtf8(body))
      throw new InputError(
        `The body is not valid ${charset}, as its Content-Type says; send the text encoded as declared.`,
        { field: 'data' },
      );
    return body.toString('utf8');
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return undefined; // a charset this runtime does not know: keep the bytes as they are
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new InputError(
      `The body is not valid ${charset}, as its Content-Type says; send the text encoded as declared.`,
      { field: 'data' },
    );
  }
}

/**
 * The data of a binary-mode event, from its body and media type: JSON is parsed, text is decoded
 * by its charset, anything else is kept as base64. With no Content-Type, UTF-8 text is kept as text.
 * An empty body means the event has no data.
 */
export function decodeBinaryData(
  body: Buffer,
  type: MediaType | undefined,
  maxJsonDepth: number,
): Pick<CloudEvent, 'data' | 'dataBase64'> {
  if (body.length === 0) return {};
  if (!type) return isUtf8(body) ? { data: body.toString('utf8') } : { dataBase64: body.toString('base64') };
  if (isJsonMediaType(type)) {
    return {
      data: parseJsonBody(body, `The body (the event's data, Content-Type ${type.essence})`, 'data', maxJsonDepth),
    };
  }
  if (isTextMediaType(type)) {
    const text = decodeText(body, type.parameters.charset?.toLowerCase() ?? 'utf-8');
    if (text !== undefined) return { data: text };
  }
  return { dataBase64: body.toString('base64') };
}

import { isUtf8 } from 'node:buffer';
import { InputError } from '../../shared/index.js';

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * A value that is wholly one RFC 7230 quoted-string (`"a \"b\""`), as older senders wrote values instead
 * of percent-encoding them, unquoted; undefined for anything else. A value with quotes inside it, such as
 * raw JSON (`{"a": 5}`, which the rendered conformance cases send), keeps them.
 */
function unquote(value: string): string | undefined {
  if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return undefined;
  let out = '';
  for (let i = 1; i < value.length - 1; i++) {
    const char = value[i]!;
    if (char === '"') return undefined;
    out += char === '\\' && i + 2 < value.length ? value[++i] : char;
  }
  return out;
}

function percentDecode(value: string, attribute: string): string {
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(value, 'utf8'));
  let length = 0;
  let i = 0;
  while (i < value.length) {
    if (value.charCodeAt(i) === 0x25 /* % */) {
      const high = hexValue(value.charCodeAt(i + 1));
      const low = hexValue(value.charCodeAt(i + 2));
      if (high < 0 || low < 0) {
        throw new InputError(
          `Header ce-${attribute} has "${value.slice(i, i + 3)}" at position ${i}, which is not a percent-encoded byte; write a literal % as %25 and other bytes as %XX in hexadecimal.`,
          { field: attribute },
        );
      }
      bytes[length++] = high * 16 + low;
      i += 3;
    } else {
      let end = value.indexOf('%', i);
      if (end === -1) end = value.length;
      length += bytes.write(value.slice(i, end), length, 'utf8');
      i = end;
    }
  }
  const decoded = bytes.subarray(0, length);
  if (!isUtf8(decoded)) {
    throw new InputError(
      `Header ce-${attribute} percent-decodes to bytes that are not valid UTF-8; percent-encode the value's UTF-8 bytes.`,
      { field: attribute },
    );
  }
  return decoded.toString('utf8');
}

/**
 * The attribute value a binary-mode `ce-` header carries (CloudEvents HTTP binding 3.1.3.2): a quoted
 * value unquoted first, then one round of percent-decoding, whose bytes must be valid UTF-8.
 */
export function decodeHeaderValue(value: string, attribute: string): string {
  const unquoted = value.charCodeAt(0) === 0x22 ? (unquote(value) ?? value) : value;
  return unquoted.includes('%') ? percentDecode(unquoted, attribute) : unquoted;
}

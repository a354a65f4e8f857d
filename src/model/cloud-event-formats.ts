/**
 * The string formats of the CloudEvents type system, checked in one linear pass each (tables and
 * anchored patterns without nested quantifiers: no input can make them backtrack).
 */

// RFC 3986: unreserved, gen-delims and sub-delims. '%' is checked separately (it must start %XX).
const URI_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=") {
  URI_CHAR[c.charCodeAt(0)] = 1;
}
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

function isHex(code: number): boolean {
  return code < 128 && HEX[code] === 1;
}

function isAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Length of the scheme at the start of `text` (RFC 3986 `scheme ":"`), or 0 when it has none. */
function schemeLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3a /* : */) return i > 0 && isAlpha(text.charCodeAt(0)) ? i : -1;
    if (code === 0x2f || code === 0x3f || code === 0x23) return 0; // '/', '?', '#' end the first segment
    const schemeChar =
      isAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
    if (!schemeChar) {
      // Not a scheme; a relative reference's first segment must then hold no ':' at all.
      const colon = text.indexOf(':', i);
      const boundary = firstOf(text, i);
      return colon !== -1 && colon < boundary ? -1 : 0;
    }
  }
  return 0;
}

function firstOf(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2f || code === 0x3f || code === 0x23) return i;
  }
  return text.length;
}

/** Whether `text` is an RFC 3986 URI-reference: an absolute URI or a relative reference. */
export function isUriReference(text: string): boolean {
  const scheme = schemeLength(text);
  if (scheme < 0) return false;
  let i = scheme === 0 ? 0 : scheme + 1;
  // '[' and ']' belong to an IP-literal host, so they are allowed only inside the authority.
  let authorityEnd = i;
  if (text.charCodeAt(i) === 0x2f && text.charCodeAt(i + 1) === 0x2f) authorityEnd = firstOf(text, i + 2);
  let fragment = false;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 /* % */) {
      if (!isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return false;
      i += 2;
      continue;
    }
    if (code >= 128 || URI_CHAR[code] !== 1) return false;
    if ((code === 0x5b || code === 0x5d) && i >= authorityEnd) return false;
    if (code === 0x23 /* # */) {
      if (fragment) return false;
      fragment = true;
    }
  }
  return true;
}

/**
 * Whether `text` is an absolute URI: a URI-reference with a scheme. A fragment is tolerated
 * (schema links such as `https://example.com/s.json#/defs/a` are common).
 */
export function isAbsoluteUri(text: string): boolean {
  return schemeLength(text) > 0 && isUriReference(text);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `text` is an RFC 3339 `date-time`, with its fields in range (leap years and leap seconds included). */
export function isTimestamp(text: string): boolean {
  return timestampMs(text) !== undefined;
}

/**
 * Epoch milliseconds of an RFC 3339 `date-time`, or undefined when it is not one. A leap second (`23:59:60`) is
 * the instant it ends, as POSIX time counts it: `2016-12-31T23:59:60Z` is `2017-01-01T00:00:00Z`. (JavaScript's
 * `Date.parse` refuses second 60, so a leap second that passed validation could not be stored.)
 */
export function timestampMs(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) {
    return undefined;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > maxDay) return undefined;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return undefined;
  const leapSecond = m[6] === '60';
  const ms = Date.parse(leapSecond ? `${text.slice(0, 17)}59${text.slice(19)}` : text);
  if (Number.isNaN(ms)) return undefined;
  // POSIX time has no room for a leap second: all of it, fraction included, maps to the instant it ends.
  return leapSecond ? Math.floor(ms / 1000) * 1000 + 1000 : ms;
}

/** Whether `text` is standard base64 (RFC 4648 section 4), padded, without whitespace. */
export function isBase64(text: string): boolean {
  const length = text.length;
  if (length % 4 !== 0) return false;
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 0x3d) padding = text.charCodeAt(length - 2) === 0x3d ? 2 : 1;
  for (let i = 0; i < length - padding; i++) {
    const code = text.charCodeAt(i);
    const ok = isAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2f;
    if (!ok) return false;
  }
  return true;
}

/**
 * Index of the first character a CloudEvents String may not hold, or -1: control characters, lone
 * surrogates and Unicode noncharacters. Tab, line feed and carriage return are let through: an official
 * conformance case carries a trailing line feed in an extension value, and every such case must be accepted.
 */
export function forbiddenCharacterAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return i;
    } else if (code < 0x7f) {
      continue;
    } else if (code <= 0x9f) {
      return i;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      const point = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
      if ((point & 0xfffe) === 0xfffe) return i;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return i;
    } else if ((code >= 0xfdd0 && code <= 0xfdef) || code === 0xfffe || code === 0xffff) {
      return i;
    }
  }
  return -1;
}

/** Number of bytes `text` takes in UTF-8 (lone surrogates count as the 3-byte replacement character). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // 4 bytes for 2 UTF-16 units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

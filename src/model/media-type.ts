/** A parsed media type (RFC 2046 / RFC 7231 `Content-Type` syntax). */
export interface MediaType {
  /** `type/subtype`, lower-cased: what comparisons use. */
  essence: string;
  type: string;
  subtype: string;
  /** Parameter names lower-cased; values unquoted, case kept. */
  parameters: Record<string, string>;
}

// RFC 7230 tchar: the characters a token may hold. A table, so parsing is one linear pass.
const TOKEN_CHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  TOKEN_CHAR[c.charCodeAt(0)] = 1;

function isTokenChar(code: number): boolean {
  return code < 128 && TOKEN_CHAR[code] === 1;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Parses `type/subtype; name=value; name="quoted value"`, or returns undefined when the text does not
 * follow that syntax. Empty parameters (`text/plain;`) are tolerated, as most HTTP stacks do.
 */
export function parseMediaType(text: string): MediaType | undefined {
  const end = text.length;
  let i = 0;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const typeStart = i;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (i === typeStart || text.charCodeAt(i) !== 0x2f /* / */) return undefined;
  const type = text.slice(typeStart, i).toLowerCase();
  const subtypeStart = ++i;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (i === subtypeStart) return undefined;
  const subtype = text.slice(subtypeStart, i).toLowerCase();
  // No prototype: a parameter named __proto__ stays a plain entry.
  const parameters = Object.create(null) as Record<string, string>;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 0x3b /* ; */) return undefined;
    i++;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i === end || text.charCodeAt(i) === 0x3b) continue;
    const nameStart = i;
    while (i < end && isTokenChar(text.charCodeAt(i))) i++;
    if (i === nameStart || text.charCodeAt(i) !== 0x3d /* = */) return undefined;
    const name = text.slice(nameStart, i).toLowerCase();
    i++;
    let value = '';
    if (text.charCodeAt(i) === 0x22 /* " */) {
      i++;
      for (;;) {
        if (i >= end) return undefined;
        const code = text.charCodeAt(i);
        if (code === 0x22) break;
        if (code === 0x5c /* \ */) i++;
        if (i >= end) return undefined;
        value += text[i];
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < end && isTokenChar(text.charCodeAt(i))) i++;
      if (i === valueStart) return undefined;
      value = text.slice(valueStart, i);
    }
    parameters[name] = value;
  }
  return { essence: `${type}/${subtype}`, type, subtype, parameters };
}

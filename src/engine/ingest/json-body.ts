import { isUtf8 } from 'node:buffer';
import { InputError, LimitError } from '../../shared/index.js';
import { locateJsonError } from './json-error-location.js';

/**
 * Index of the first byte that opens an array or object deeper than `maxDepth`, or -1. Deep nesting
 * parses fine but overflows the stack of every recursive step after it (JSON.stringify, CEL, drivers).
 */
function tooDeepAt(body: Buffer, maxDepth: number): number {
  if (body.length <= maxDepth) return -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return -1;
}

/**
 * Parses a JSON body once. On failure the error says where (line, column, position) and what was found,
 * which JSON.parse's own messages do not always tell. `what` names the body in messages; `field` goes
 * into the error details.
 */
export function parseJsonBody(body: Buffer, what: string, field: string, maxDepth: number): unknown {
  const deep = tooDeepAt(body, maxDepth);
  if (deep !== -1) {
    throw new LimitError(
      `${what} nests arrays and objects more than ${maxDepth} levels deep (at byte ${deep}); flatten the data.`,
      {
        field,
        position: deep,
        limit: maxDepth,
      },
    );
  }
  if (!isUtf8(body)) {
    throw new InputError(`${what} is not valid UTF-8; JSON must be sent as UTF-8.`, { field });
  }
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark is tolerated, not required
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    const where = at
      ? `: ${at.problem} at line ${at.line}, column ${at.column} (character ${at.position})`
      : ` (${(error as Error).message})`;
    throw new InputError(`${what} is not valid JSON${where}; fix the JSON and send it again.`, {
      field,
      ...(at && { line: at.line, column: at.column, position: at.position }),
    });
  }
}

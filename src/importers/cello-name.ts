import { NAME_PATTERN } from '../model/index.js';

const NAME = new RegExp(NAME_PATTERN);

/**
 * A Cello manifest name from a source's name: lower-case, `_`, `.`, spaces and other separators become dashes,
 * at most 63 characters; `undefined` when nothing usable is left. Parts are joined with a dash (`alternative-x`).
 */
export function celloName(...parts: string[]): string | undefined {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return NAME.test(name) ? name : undefined;
}

import { StoredRowError } from './stored-row-error.js';

/** Reads a text column that holds one of a closed set of values (a state, a kind), checking it is one. */
export function enumColumn<T extends string>(values: readonly T[]): (text: string, where: string) => T {
  const known = new Set<string>(values);
  const isKnown = (text: string): text is T => known.has(text);
  return (text, where) => {
    if (isKnown(text)) return text;
    throw new StoredRowError(where, `is "${text}", which is not one of ${values.join(', ')}`);
  };
}

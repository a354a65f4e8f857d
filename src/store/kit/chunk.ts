/**
 * Splits `items` into lists of at most `size`, so one statement's parameters stay under every backend's limit
 * (SQLite 32 766, PostgreSQL 65 535): a multi-row insert of n columns takes n × size of them.
 */
export function chunk<T>(items: readonly T[], size = 500): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A chunk holds at least one item, not ${size}.`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

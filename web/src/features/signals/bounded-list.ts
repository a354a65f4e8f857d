/**
 * Adds items (oldest first, as they arrive) to a newest-first list and keeps at most `max`:
 * a live view holds a window of the stream, never the whole log.
 */
export function prependBounded<T>(list: readonly T[], arrived: readonly T[], max: number): T[] {
  if (arrived.length === 0) return list as T[];
  const newest = arrived.slice(-max).reverse();
  return newest.concat(list.slice(0, Math.max(0, max - newest.length)));
}

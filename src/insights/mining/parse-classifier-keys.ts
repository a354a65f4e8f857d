/**
 * Splits a XES classifier's `keys` attribute into attribute keys: separated by spaces, and a key
 * that contains spaces is written in single quotes (`keys="'Activity name' lifecycle:transition"`).
 */
export function parseClassifierKeys(keys: string): string[] {
  const result: string[] = [];
  const pattern = /'([^']*)'|(\S+)/g;
  for (let m = pattern.exec(keys); m !== null; m = pattern.exec(keys)) result.push(m[1] ?? m[2] ?? '');
  return result.filter((k) => k !== '');
}

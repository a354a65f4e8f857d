/** Whether an event type matches a pattern: an exact type, or a prefix ending in `.*` (`com.acme.risk.*`). */
export function matchesTypePattern(type: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return type === pattern;
}

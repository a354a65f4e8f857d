/**
 * The key that ties a response to its request: the subject, or the value of the extension named by `correlateBy`
 * (from the row's extensions, JSON text). Undefined when the event has none.
 */
export function correlationKey(
  subject: string | null,
  extensions: string | null | undefined,
  correlateBy: string,
): string | undefined {
  if (correlateBy === 'subject') return subject ?? undefined;
  if (!extensions) return undefined;
  const value = (JSON.parse(extensions) as Record<string, unknown>)[correlateBy];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * What this server offers, read once from its `/openapi.json`: views check here before calling an
 * endpoint, and say "not available on this server" instead of guessing.
 */
export interface Capabilities {
  /** `has('GET', '/v1/tensions/{id}')`: the path as OpenAPI writes it. */
  has(method: string, path: string): boolean;
  /** The first of `paths` this server has for `method`, if any (endpoints may move while the API grows). */
  first(method: string, ...paths: string[]): string | undefined;
  /** Every documented operation, e.g. `GET /v1/events`. */
  readonly operations: readonly string[];
}

/** Builds capabilities from an OpenAPI document's `paths`. */
export function capabilitiesFrom(document: unknown): Capabilities {
  const operations = new Set<string>();
  const paths = (document as { paths?: Record<string, Record<string, unknown>> } | undefined)?.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const method of Object.keys(item ?? {})) operations.add(`${method.toUpperCase()} ${normalize(path)}`);
  }
  const has = (method: string, path: string) => operations.has(`${method.toUpperCase()} ${normalize(path)}`);
  return {
    has,
    first: (method, ...candidates) => candidates.find((p) => has(method, p)),
    operations: [...operations].sort(),
  };
}

/** `{id}` and `:id` name the same thing; the name of the parameter does not matter. */
function normalize(path: string): string {
  return path.replace(/\{[^}]+\}|:[A-Za-z_][A-Za-z0-9_]*/g, '{}').replace(/\/$/, '') || '/';
}

/** Reads `/openapi.json`; it needs no token. */
export async function loadCapabilities(base = ''): Promise<Capabilities> {
  const response = await fetch(`${base}/openapi.json`, { headers: { accept: 'application/json' } });
  if (!response.ok) return capabilitiesFrom(undefined);
  return capabilitiesFrom(await response.json());
}

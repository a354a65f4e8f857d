import type { RouteDefinition } from '../../../src/model/http/index.js';

/** A route as the contract names it: method and URL. */
type Route = Pick<RouteDefinition, 'method' | 'url'>;

/**
 * What this server offers, read once from its `/openapi.json`: views check here before calling a route, and say
 * "not available on this server" instead of guessing (a dashboard may be newer than the server it talks to).
 */
export interface Capabilities {
  /** Whether the server documents the route. */
  has(route: Route): boolean;
  /** Every documented operation, e.g. `GET /v1/events`. */
  readonly operations: readonly string[];
}

/** How a view names a route it needs: `GET /v1/insights/slos`. */
export function endpointOf(route: Route): string {
  return `${route.method} ${route.url}`;
}

/** Builds capabilities from an OpenAPI document's `paths`. */
export function capabilitiesFrom(document: unknown): Capabilities {
  const operations = new Set<string>();
  const paths = (document as { paths?: Record<string, Record<string, unknown>> } | undefined)?.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const method of Object.keys(item ?? {})) operations.add(`${method.toUpperCase()} ${normalize(path)}`);
  }
  const has = (route: Route) => operations.has(`${route.method} ${normalize(route.url)}`);
  return {
    has,
    operations: [...operations].sort(),
  };
}

/** `{id}` (OpenAPI) and `:id` (the contract) name the same thing; the name of the parameter does not matter. */
function normalize(path: string): string {
  return path.replace(/\{[^}]+\}|:[A-Za-z_][A-Za-z0-9_]*/g, '{}').replace(/\/$/, '') || '/';
}

/** Reads `/openapi.json`; it needs no token. */
export async function loadCapabilities(base = ''): Promise<Capabilities> {
  const response = await fetch(`${base}/openapi.json`, { headers: { accept: 'application/json' } });
  if (!response.ok) return capabilitiesFrom(undefined);
  return capabilitiesFrom(await response.json());
}

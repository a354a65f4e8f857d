import { RouteNotFoundError } from '../../../src/client/isomorphic.js';
import type { RouteDefinition } from '../../../src/model/http/index.js';

/** Thrown when this server does not offer a route a view needs; views show it as "not available on this server". */
export class UnavailableError extends Error {
  readonly endpoint: string;
  constructor(route: Pick<RouteDefinition, 'method' | 'url'>) {
    super(`This server does not offer ${route.method} ${route.url}.`);
    this.name = 'UnavailableError';
    this.endpoint = `${route.method} ${route.url}`;
  }
}

/** True for an UnavailableError, or the server's answer that it has no such route (as opposed to no such record). */
export function isUnavailable(error: unknown): boolean {
  return error instanceof UnavailableError || error instanceof RouteNotFoundError;
}

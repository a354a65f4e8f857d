import { ApiError } from './api-error.js';

/** Thrown when this server does not offer an endpoint a view needs; views show it as "not available on this server". */
export class UnavailableError extends Error {
  constructor(readonly endpoint: string) {
    super(`This server does not offer ${endpoint}.`);
    this.name = 'UnavailableError';
  }
}

/** True for an UnavailableError, or an API 404 saying the route itself does not exist. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof UnavailableError || (error instanceof ApiError && error.routeMissing);
}

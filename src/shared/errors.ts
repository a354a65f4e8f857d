/**
 * The domain errors every module throws. `api/` maps them to HTTP in one place; the CLI maps them to exit codes.
 * Messages are full sentences: what was wrong, where, and what to do.
 */

/** Where a problem is: a file position, a JSON path, a field or an HTTP attribute. */
export interface ProblemLocation {
  file?: string;
  line?: number;
  column?: number;
  /** JSON-pointer-like path inside a document or body, e.g. `/spec/members/0/roles`. */
  path?: string;
  /** A named field, header or CloudEvents attribute. */
  field?: string;
  /** Index of an item in a batch. */
  index?: number;
}

export abstract class CelloError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something invalid: a body, a header, a manifest, a flag, an expression. */
export class InputError extends CelloError {
  readonly code = 'invalid_input';
}

/** The record asked for does not exist (the route does). */
export class NotFoundError extends CelloError {
  readonly code = 'not_found';
}

/** The server has no such route at all: an older server, or a typo in the path (as opposed to a missing record). */
export class RouteNotFoundError extends CelloError {
  readonly code = 'route_not_found';
}

/** The request conflicts with the current state (a duplicate name, a stale version, a wrong state). */
export class ConflictError extends CelloError {
  readonly code = 'conflict';
}

/** The caller is known but may not do this. */
export class NotAllowedError extends CelloError {
  readonly code = 'not_allowed';
}

/** The caller is not known: no token, or an unknown one. */
export class AuthenticationError extends CelloError {
  readonly code = 'unauthenticated';
}

/** Too much: a body, a batch, a rate or an expression's cost over its limit. */
export class LimitError extends CelloError {
  readonly code: string = 'limit_exceeded';
}

/** Too many requests in a while: a LimitError that says to wait (the answer's Retry-After says how long). */
export class RateLimitError extends LimitError {
  override readonly code = 'rate_limited';
}

/** The body's media type is not one the route reads. */
export class UnsupportedMediaTypeError extends CelloError {
  readonly code = 'unsupported_media_type';
}

/** The server failed in a way it does not explain to callers (it logged why). */
export class InternalError extends CelloError {
  readonly code = 'internal';
}

/** Delivery semantics: do not retry this attempt. */
export class NonRetryableError extends CelloError {
  readonly code = 'non_retryable';
}

/** Delivery semantics: retry no sooner than `retryAfterMs`. */
export class RetryAfterError extends CelloError {
  readonly code = 'retry_after';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

export function isCelloError(error: unknown): error is CelloError {
  return error instanceof CelloError;
}

/** The message of anything thrown, for logs and attempt records. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

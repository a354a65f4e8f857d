import {
  AuthenticationError,
  ConflictError,
  InputError,
  InternalError,
  LimitError,
  NotAllowedError,
  NotFoundError,
  RateLimitError,
  RouteNotFoundError,
  UnsupportedMediaTypeError,
  type CelloError,
} from './errors.js';

/** A shared error class, built from a message and its details. */
export type CelloErrorClass = new (message: string, details?: Record<string, unknown>) => CelloError;

/**
 * Every code an error answer of the API carries, with its HTTP status and the class both sides use for it: the
 * server's error handler answers a thrown error with its code's status, and the typed client turns an answer back
 * into an instance of the class, so `instanceof NotFoundError` works in a cell, the CLI and the dashboard alike.
 */
export const ERROR_CODES = {
  invalid_input: { status: 400, error: InputError },
  unauthenticated: { status: 401, error: AuthenticationError },
  not_allowed: { status: 403, error: NotAllowedError },
  not_found: { status: 404, error: NotFoundError },
  route_not_found: { status: 404, error: RouteNotFoundError },
  conflict: { status: 409, error: ConflictError },
  limit_exceeded: { status: 413, error: LimitError },
  unsupported_media_type: { status: 415, error: UnsupportedMediaTypeError },
  rate_limited: { status: 429, error: RateLimitError },
  internal: { status: 500, error: InternalError },
} as const satisfies Record<string, { status: number; error: CelloErrorClass }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether `code` is one of the table's codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/**
 * The error an answer `{ error: { code, message, details } }` stands for, as the class of its code; `details.status`
 * records the HTTP status the server answered with. Undefined for a code this table does not know.
 */
export function errorFromAnswer(
  status: number,
  answer: { code: string; message: string; details?: Record<string, unknown> },
): CelloError | undefined {
  if (!isErrorCode(answer.code)) return undefined;
  return new ERROR_CODES[answer.code].error(answer.message, { ...answer.details, status });
}

import {
  AuthenticationError,
  ConflictError,
  InputError,
  LimitError,
  NotAllowedError,
  NotFoundError,
  type CelloError,
} from '../shared/index.js';
import { CelloHttpError } from './cello-http-error.js';

type ErrorClass = new (message: string, details?: Record<string, unknown>) => CelloError;

const BY_CODE: Record<string, ErrorClass> = {
  invalid_input: InputError,
  limit_exceeded: LimitError,
  unauthenticated: AuthenticationError,
  not_allowed: NotAllowedError,
  not_found: NotFoundError,
  conflict: ConflictError,
};

/**
 * The error a failed response stands for: the server's `{ error: { code, message, details } }` as the
 * shared class of that code (so `instanceof InputError` works in a cell), else a CelloHttpError.
 */
export async function serverError(response: Response, url: string): Promise<Error> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const ErrorType = typeof error?.code === 'string' ? BY_CODE[error.code] : undefined;
  if (ErrorType && typeof error?.message === 'string') {
    const details =
      typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
    return new ErrorType(error.message, { ...details, status: response.status });
  }
  const snippet = text.slice(0, 200);
  const said = snippet ? `: ${snippet}` : '';
  return new CelloHttpError(
    `The Cello server at ${url} answered ${response.status} ${response.statusText}${said}`.trim(),
    response.status,
    snippet,
  );
}

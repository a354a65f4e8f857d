/** An error answer of the Cello API (`{ error: { code, message, details } }`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the server has no such route at all (as opposed to a missing record). */
  get routeMissing(): boolean {
    return this.status === 404 && /^There is no (GET|POST|PUT|PATCH|DELETE) /.test(this.message);
  }
}

/** Reads an error body in the API's shape, falling back to the status line. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : 'error',
      error.message,
      typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
    );
  }
  return new ApiError(response.status, 'error', `The server answered ${response.status} ${response.statusText}.`);
}

/**
 * The server could not be reached, or answered with an error that is not one of Cello's own
 * (`{ error: { code, message, details } }` bodies become the matching shared error class instead).
 */
export class CelloHttpError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer came. */
    readonly status: number,
    /** The start of the response body, for the logs. */
    readonly body = '',
  ) {
    super(message);
    this.name = 'CelloHttpError';
  }
}

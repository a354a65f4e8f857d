import { ConflictError } from '../../shared/index.js';

/** `details.reason` of the ConflictError a transaction fails with when a unique key it wrote was taken meanwhile. */
export const UNIQUE_KEY_TAKEN = 'unique-key-taken';

/** The ConflictError for a unique-key violation, as the store's dialect recognised it; the database error is its cause. */
export function uniqueKeyConflict(cause: unknown): ConflictError {
  const error = new ConflictError(
    'Another change took the same unique key (a number, a name or an id) at the same time; send the request again.',
    { reason: UNIQUE_KEY_TAKEN },
  );
  error.cause = cause;
  return error;
}

/** Whether `error` is a unique-key conflict: the transaction lost a race, and running it again reads the winner's row. */
export function isUniqueKeyConflict(error: unknown): boolean {
  return error instanceof ConflictError && error.details.reason === UNIQUE_KEY_TAKEN;
}

/**
 * A row whose stored value is not what Cello writes there (edited by hand, or written by an incompatible build).
 * Not a domain error: the caller did nothing wrong, so the API answers 500 and the log names the row.
 */
export class StoredRowError extends Error {
  constructor(
    readonly where: string,
    problem: string,
  ) {
    super(
      `The stored ${where} ${problem.trim()}; it was changed outside Cello: restore the row from a backup, or from what the event log recorded.`,
    );
    this.name = 'StoredRowError';
  }
}

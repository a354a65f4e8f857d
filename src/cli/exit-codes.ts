/** Exit codes every command shares. */
export const EXIT = {
  /** Clean: nothing at error level. */
  ok: 0,
  /** Ran, and found problems at error level (or the server refused the request). */
  findings: 1,
  /** Could not run: bad flags, unreadable input, no server. */
  failed: 2,
} as const;

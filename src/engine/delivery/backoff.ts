import { InputError, NonRetryableError, RetryAfterError } from '../../shared/index.js';

/** When to try a failed delivery again. All durations in milliseconds. */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay; it doubles with every attempt. */
  baseMs: number;
  /** Largest delay between two attempts. */
  capMs: number;
  /** Largest `Retry-After` honoured: a receiver asking for longer is tried again after this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({
  baseMs: 1_000,
  capMs: 3_600_000,
  maxRetryAfterMs: 86_400_000,
});

/** Fills in defaults and checks the values once, so the hot path trusts them. */
export function compileBackoff(options: Partial<BackoffOptions> = {}): BackoffOptions {
  const compiled = { ...DEFAULT_BACKOFF, ...options };
  for (const [name, value] of Object.entries(compiled)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new InputError(`Backoff option ${name} is ${value}; give a positive number of milliseconds.`, {
        field: name,
      });
    }
  }
  if (compiled.baseMs > compiled.capMs) {
    throw new InputError(
      `Backoff baseMs (${compiled.baseMs}) is larger than capMs (${compiled.capMs}); make the cap at least the base.`,
      { field: 'capMs' },
    );
  }
  return compiled;
}

/**
 * Delay before the next attempt, with full jitter: uniform in [0, min(cap, base × 2^(attempt − 1))).
 * `attempt` is the number of attempts made so far (1 after the first failure). Jitter spreads the retries
 * of many deliveries that failed together, so a recovering receiver is not hit by all of them at once.
 */
export function nextRetryDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(Math.floor(attempt), 1) - 1, 52);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DELAY_SECONDS = /^\d+$/;
// The three HTTP-date forms of RFC 9110: IMF-fixdate, obsolete RFC 850, and asctime (all UTC).
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850_DATE = /^[A-Z][a-z]{5,8}, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function httpDate(text: string, now: Date): number | undefined {
  let parts: [string, string, number, string, string, string] | undefined;
  let m = IMF_FIXDATE.exec(text);
  if (m) parts = [m[1]!, m[2]!, Number(m[3]), m[4]!, m[5]!, m[6]!];
  else if ((m = RFC850_DATE.exec(text))) {
    // A two-digit year more than 50 years ahead means the century before (RFC 9110 section 5.6.7).
    let year = 2000 + Number(m[3]);
    if (year > now.getUTCFullYear() + 50) year -= 100;
    parts = [m[1]!, m[2]!, year, m[4]!, m[5]!, m[6]!];
  } else if ((m = ASCTIME_DATE.exec(text))) parts = [m[2]!.trim(), m[1]!, Number(m[6]), m[3]!, m[4]!, m[5]!];
  if (!parts) return undefined;
  const [day, monthName, year, hour, minute, second] = parts;
  const month = MONTHS.indexOf(monthName);
  if (month < 0) return undefined;
  const time = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second));
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP-date. A date in
 * the past means now (0); anything unreadable is ignored (undefined); long waits are capped.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date,
  maxMs: number = DEFAULT_BACKOFF.maxRetryAfterMs,
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let delay: number | undefined;
  if (DELAY_SECONDS.test(text)) delay = Number(text) * 1000;
  else {
    const at = httpDate(text, now);
    if (at !== undefined) delay = Math.max(0, at - now.getTime());
  }
  return delay === undefined ? undefined : Math.min(delay, maxMs);
}

/** What to do after a webhook answered. */
export type DeliveryVerdict = 'deliver' | 'retry' | 'dead';

/**
 * Maps a webhook's status code to a verdict (Standard Webhooks etiquette): 2xx delivered; 408, 425,
 * 429 and 5xx are temporary, so retry; 410 Gone means the receiver wants no more, and other 4xx will
 * fail the same way again, so dead-letter at once. Anything else (3xx: redirects are not followed) retries.
 */
export function classifyResponse(status: number): DeliveryVerdict {
  if (status >= 200 && status < 300) return 'deliver';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'dead';
  return 'retry';
}

/**
 * The verdict for an attempt that threw: NonRetryableError dead-letters, RetryAfterError retries no
 * sooner than it asks, and anything else (a refused connection, a timeout) is taken as temporary.
 */
export function classifyFailure(error: unknown): { verdict: 'retry' | 'dead'; retryAfterMs?: number } {
  if (error instanceof NonRetryableError) return { verdict: 'dead' };
  if (error instanceof RetryAfterError) return { verdict: 'retry', retryAfterMs: error.retryAfterMs };
  return { verdict: 'retry' };
}

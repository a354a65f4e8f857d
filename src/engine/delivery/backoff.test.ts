import { describe, expect, it } from 'vitest';
import { NonRetryableError, RetryAfterError } from '../../shared/index.js';
import {
  DEFAULT_BACKOFF,
  classifyFailure,
  classifyResponse,
  compileBackoff,
  nextRetryDelay,
  parseRetryAfter,
} from './backoff.js';

const NOW = new Date('2026-01-05T09:00:00.000Z');

describe('nextRetryDelay', () => {
  it('doubles the ceiling per attempt up to the cap, with full jitter below it', () => {
    const options = compileBackoff({ baseMs: 1_000, capMs: 10_000 });
    const ceilings = [1, 2, 3, 4, 5, 50].map((attempt) => nextRetryDelay(attempt, options, () => 0.999_999));
    expect(ceilings).toEqual([999, 1_999, 3_999, 7_999, 9_999, 9_999]);
    expect(nextRetryDelay(3, options, () => 0)).toBe(0);
    expect(nextRetryDelay(3, options, () => 0.5)).toBe(2_000);
  });

  it('spreads retries of deliveries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => nextRetryDelay(6)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeLessThan(DEFAULT_BACKOFF.baseMs * 32);
  });

  it('refuses options that make no sense', () => {
    expect(() => compileBackoff({ baseMs: 0 })).toThrow(
      /Backoff option baseMs is 0; give a positive number of milliseconds/,
    );
    expect(() => compileBackoff({ baseMs: 5_000, capMs: 1_000 })).toThrow(/larger than capMs/);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['delay-seconds', '120', 120_000],
    ['delay-seconds with spaces', ' 5 ', 5_000],
    ['an IMF-fixdate', 'Mon, 05 Jan 2026 09:01:30 GMT', 90_000],
    ['an RFC 850 date', 'Monday, 05-Jan-26 09:00:10 GMT', 10_000],
    ['an asctime date', 'Mon Jan  5 09:00:03 2026', 3_000],
    ['a date in the past', 'Sun, 04 Jan 2026 09:00:00 GMT', 0],
    ['a wait past the cap', '999999999', DEFAULT_BACKOFF.maxRetryAfterMs],
  ])('reads %s', (_what, value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, undefined, '', 'soon', '-5', '1.5', '2026-01-05T09:01:00Z', 'Mon, 05 Foo 2026 09:01:30 GMT'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    },
  );
});

describe('classifyResponse', () => {
  it.each([
    [200, 'deliver'],
    [204, 'deliver'],
    [408, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [301, 'retry'],
    [400, 'dead'],
    [401, 'dead'],
    [404, 'dead'],
    [410, 'dead'],
    [422, 'dead'],
  ] as const)('answers %i with %s', (status, verdict) => {
    expect(classifyResponse(status)).toBe(verdict);
  });
});

describe('classifyFailure', () => {
  it('dead-letters NonRetryableError, waits as RetryAfterError asks, retries anything else', () => {
    expect(classifyFailure(new NonRetryableError('the payload can never be accepted'))).toEqual({ verdict: 'dead' });
    expect(classifyFailure(new RetryAfterError('busy', 30_000))).toEqual({ verdict: 'retry', retryAfterMs: 30_000 });
    expect(classifyFailure(new TypeError('fetch failed'))).toEqual({ verdict: 'retry' });
  });
});

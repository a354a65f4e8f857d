import { describe, expect, it } from 'vitest';
import { nextReviewAt } from './review-cadence.js';

describe('the review cadence', () => {
  it('finds the next review on the cron cadence, in the organization timezone', () => {
    expect(nextReviewAt({ cadence: '0 14 * * 3' }, new Date('2026-01-05T09:00:00Z')).toISOString()).toBe(
      '2026-01-07T14:00:00.000Z',
    );
    expect(
      nextReviewAt(
        { cadence: '0 14 * * 3', timezone: 'Europe/Berlin' },
        new Date('2026-01-05T09:00:00Z'),
      ).toISOString(),
    ).toBe('2026-01-07T13:00:00.000Z');
  });

  it('refuses a cadence that is not cron, with an example', () => {
    expect(() => nextReviewAt({ cadence: 'every wednesday' }, new Date())).toThrow(
      /is not a cron expression .* "0 14 \* \* 3"/,
    );
  });
});

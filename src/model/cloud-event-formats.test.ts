import { describe, expect, it } from 'vitest';
import { isTimestamp, timestampMs } from './cloud-event-formats.js';

describe('timestampMs', () => {
  it('reads RFC 3339 with offsets and fractions', () => {
    expect(timestampMs('2026-01-05T09:00:00Z')).toBe(Date.UTC(2026, 0, 5, 9));
    expect(timestampMs('2026-01-05T10:30:00.250+01:30')).toBe(Date.UTC(2026, 0, 5, 9, 0, 0, 250));
  });

  it('maps a leap second to the instant it ends, whatever its offset or fraction', () => {
    expect(timestampMs('2016-12-31T23:59:60Z')).toBe(Date.UTC(2017, 0, 1));
    expect(timestampMs('2016-12-31T23:59:60.999Z')).toBe(Date.UTC(2017, 0, 1));
    expect(timestampMs('2017-01-01T00:59:60+01:00')).toBe(Date.UTC(2017, 0, 1));
  });

  it('refuses what is not a timestamp, the same way isTimestamp does', () => {
    for (const text of ['2026-02-29T00:00:00Z', '2026-01-05 09:00:00Z', '2026-01-05T24:00:00Z', '2026-01-05']) {
      expect(timestampMs(text)).toBeUndefined();
      expect(isTimestamp(text)).toBe(false);
    }
  });
});

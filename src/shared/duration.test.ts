import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('durations', () => {
  it('parses units into milliseconds', () => {
    expect(parseDuration('4h')).toBe(4 * 3_600_000);
    expect(parseDuration('28d')).toBe(28 * 86_400_000);
    expect(parseDuration('1.5m')).toBe(90_000);
  });
  it('refuses a duration without a unit, naming the field', () => {
    expect(() => parseDuration('4', 'spec.slos[0].within')).toThrow(/spec.slos\[0\].within "4" is not a duration/);
  });
  it('formats in a readable unit', () => {
    expect(formatDuration(5_400_000)).toBe('1.5h');
    expect(formatDuration(250)).toBe('250ms');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, formatShare } from './format-time.js';

describe('formatDuration', () => {
  it('reads at a glance, two units at most', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4_200)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(4 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('4 h 5 m');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
    expect(formatDuration(null)).toBe('–');
  });
});

describe('formatRelative and formatShare', () => {
  it('says how long ago, and shares as percentages', () => {
    const now = Date.parse('2026-01-05T12:00:00Z');
    expect(formatRelative('2026-01-05T11:00:00Z', now)).toBe('1 h ago');
    expect(formatRelative('2026-01-05T11:59:50Z', now)).toBe('just now');
    expect(formatShare(0.9532)).toBe('95.3%');
  });
});

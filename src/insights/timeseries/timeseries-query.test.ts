import { describe, expect, it } from 'vitest';
import { parseTimeseriesQuery } from './timeseries-query.js';

const NOW = new Date('2026-03-10T12:30:00.000Z');
const at = (iso: string) => Date.parse(iso);

describe('parseTimeseriesQuery', () => {
  it('defaults to 30 days ending with today, Cello’s own records left out of the total', () => {
    expect(parseTimeseriesQuery({}, NOW)).toEqual({
      bucket: 'day',
      fromMs: at('2026-02-09T00:00:00Z'),
      toMs: NOW.getTime() + 1,
      types: [],
      includeCello: false,
    });
  });

  it('defaults to 48 hours or 12 weeks for those buckets', () => {
    expect(parseTimeseriesQuery({ bucket: 'hour' }, NOW).fromMs).toBe(at('2026-03-08T13:00:00Z'));
    // The Monday of NOW's week (2026-03-09) and the 11 weeks before it.
    expect(parseTimeseriesQuery({ bucket: 'week' }, NOW).fromMs).toBe(at('2025-12-22T00:00:00Z'));
  });

  it('reads times as RFC 3339 or durations back from now, and type series as a comma-separated list', () => {
    expect(
      parseTimeseriesQuery(
        {
          bucket: 'hour',
          from: '6h',
          to: '2026-03-10T12:00:00Z',
          type: 'com.lend.loan.*, com.lend.credit.decided',
          cello: 'true',
        },
        NOW,
      ),
    ).toEqual({
      bucket: 'hour',
      fromMs: at('2026-03-10T06:30:00Z'),
      toMs: at('2026-03-10T12:00:00Z'),
      types: ['com.lend.loan.*', 'com.lend.credit.decided'],
      includeCello: true,
    });
  });

  it('refuses what it cannot read, naming the value', () => {
    expect(() => parseTimeseriesQuery({ bucket: 'month' }, NOW)).toThrow(
      'bucket "month" is not one of hour, day, week.',
    );
    expect(() => parseTimeseriesQuery({ from: 'yesterday' }, NOW)).toThrow(
      /from "yesterday" is neither an RFC 3339 time/,
    );
    expect(() => parseTimeseriesQuery({ from: '2026-04-01T00:00:00Z' }, NOW)).toThrow(
      /from "2026-04-01T00:00:00Z" is not before the end of the series/,
    );
    expect(() =>
      parseTimeseriesQuery({ type: Array.from({ length: 21 }, (_, i) => `com.x.t${i}`).join(',') }, NOW),
    ).toThrow(/at most 20/);
  });
});

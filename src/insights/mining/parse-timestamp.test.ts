import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp.js';

describe('parseTimestamp', () => {
  it('converts an offset to the UTC instant instead of dropping it', () => {
    expect(parseTimestamp('2010-12-30T14:32:00.000+01:00')).toBe(Date.UTC(2010, 11, 30, 13, 32));
    expect(parseTimestamp('2011-10-11 13:45:40.276000+02:00')).toBe(Date.UTC(2011, 9, 11, 11, 45, 40, 276));
    expect(parseTimestamp('2005-07-22 00:00:00-0530')).toBe(Date.UTC(2005, 6, 22, 5, 30));
    expect(parseTimestamp('2018-01-02T13:53:00Z')).toBe(Date.UTC(2018, 0, 2, 13, 53));
  });

  it('takes a timestamp without an offset as UTC, also with slashes as in 10_orders', () => {
    expect(parseTimestamp('2019/11/03 01:11:19.000')).toBe(Date.UTC(2019, 10, 3, 1, 11, 19));
    expect(parseTimestamp('2012-12-16T19:33:50')).toBe(Date.UTC(2012, 11, 16, 19, 33, 50));
    expect(parseTimestamp('2012-12-16')).toBe(Date.UTC(2012, 11, 16));
  });

  it('keeps milliseconds and microseconds', () => {
    expect(parseTimestamp('2011-10-01T00:38:44.546+02:00')).toBe(Date.UTC(2011, 8, 30, 22, 38, 44, 546));
    expect(parseTimestamp('2011-10-01T00:38:44.546250Z')! - Date.UTC(2011, 9, 1, 0, 38, 44, 546)).toBeCloseTo(0.25, 6);
  });

  it('rejects text and impossible dates', () => {
    for (const text of ['', 'yesterday', '2019-02-29T00:00:00', '2019-13-01', '2019-01-01T25:00:00', '1.5e12']) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
    expect(parseTimestamp('2020-02-29T12:00:00')).toBe(Date.UTC(2020, 1, 29, 12));
  });
});

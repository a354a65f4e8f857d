import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/index.js';
import { MAX_TIMESERIES_BUCKETS, bucketIndex, bucketSpan } from './bucket-span.js';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => Date.parse(iso);

describe('bucketSpan', () => {
  it('rounds a range out to whole UTC hours and days', () => {
    const hours = bucketSpan('hour', at('2026-03-10T09:20:00Z'), at('2026-03-10T12:00:00Z'));
    // 09:00, 10:00 and 11:00: the end is exclusive, so 12:00 itself starts no bucket.
    expect(hours).toEqual({
      bucket: 'hour',
      size: H,
      fromMs: at('2026-03-10T09:00:00Z'),
      toMs: at('2026-03-10T12:00:00Z'),
      count: 3,
    });
    const days = bucketSpan('day', at('2026-03-10T09:20:00Z'), at('2026-03-12T00:00:01Z'));
    expect(days).toMatchObject({ fromMs: at('2026-03-10T00:00:00Z'), toMs: at('2026-03-13T00:00:00Z'), count: 3 });
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    // 2026-03-11 is a Wednesday; 2026-03-09 the Monday before it.
    const weeks = bucketSpan('week', at('2026-03-11T15:00:00Z'), at('2026-03-23T00:00:00Z'));
    expect(weeks).toMatchObject({
      fromMs: at('2026-03-09T00:00:00Z'),
      toMs: at('2026-03-23T00:00:00Z'),
      count: 2,
      size: 7 * D,
    });
  });

  it(`holds up to ${MAX_TIMESERIES_BUCKETS} buckets and refuses more, suggesting a larger bucket`, () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(bucketSpan('hour', from, from + MAX_TIMESERIES_BUCKETS * H).count).toBe(MAX_TIMESERIES_BUCKETS);
    const refuse = () => bucketSpan('hour', from, from + (MAX_TIMESERIES_BUCKETS + 1) * H);
    expect(refuse).toThrow(InputError);
    expect(refuse).toThrow(
      'The range from 2026-01-01T00:00:00.000Z to 2026-01-17T17:00:00.000Z holds 401 hour buckets; a time series holds at most 400. Choose a larger bucket (bucket=day or bucket=week) or a shorter range.',
    );
  });

  it('refuses an empty range', () => {
    expect(() => bucketSpan('day', at('2026-03-10T00:00:00Z'), at('2026-03-10T00:00:00Z'))).toThrow(
      /is empty; "from" must come before "to"/,
    );
  });
});

describe('bucketIndex', () => {
  const span = bucketSpan('day', at('2026-03-10T00:00:00Z'), at('2026-03-13T00:00:00Z'));

  it('places a time in its bucket, start inclusive and end exclusive', () => {
    expect(bucketIndex(span, at('2026-03-10T00:00:00Z'))).toBe(0);
    expect(bucketIndex(span, at('2026-03-11T23:59:59.999Z'))).toBe(1);
    expect(bucketIndex(span, at('2026-03-12T00:00:00Z'))).toBe(2);
  });

  it('answers -1 outside the span', () => {
    expect(bucketIndex(span, at('2026-03-09T23:59:59.999Z'))).toBe(-1);
    expect(bucketIndex(span, at('2026-03-13T00:00:00Z'))).toBe(-1);
  });
});

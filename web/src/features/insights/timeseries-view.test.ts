import { describe, expect, it } from 'vitest';
import type { SloPoint, SloSeries, Timeseries } from '../../../../src/model/index.js';
import { bucketLabel, busiestSlo, sloPoints } from './timeseries-view.js';

const point = (counted: number, compliance: number | null, medianMs: number | null = null): SloPoint => ({
  counted,
  met: 0,
  missed: 0,
  pending: 0,
  compliance,
  latency: { medianMs, p90Ms: medianMs, answered: counted },
});
const series = (agreement: string, points: SloPoint[]): SloSeries => ({
  agreement,
  provider: 'p',
  consumer: 'c',
  slo: 'fast',
  objective: 0.9,
  request: 'com.x.asked',
  response: 'com.x.answered',
  within: '4h',
  correlateBy: 'subject',
  uncorrelated: 0,
  points,
});

describe('time series view', () => {
  it('labels buckets in UTC: hours with their date, days and weeks by their first day', () => {
    expect(bucketLabel('2026-03-10T14:00:00.000Z', 'hour')).toBe('03-10 14:00');
    expect(bucketLabel('2026-03-09T00:00:00.000Z', 'week')).toBe('03-09');
  });

  it('shows first the SLO with the most requests in the range', () => {
    const quiet = series('quiet', [point(0, null), point(1, 1)]);
    const busy = series('busy', [point(3, 0.5), point(2, 1)]);
    expect(busiestSlo([quiet, busy])?.agreement).toBe('busy');
    expect(busiestSlo([])).toBeUndefined();
  });

  it('turns one figure into chart points, gaps as null, the still-filling bucket starred', () => {
    const s = series('busy', [point(2, 0.5, 3_600_000), point(0, null)]);
    const view = {
      bucket: 'day',
      buckets: [
        { start: '2026-03-10T00:00:00.000Z', end: '2026-03-11T00:00:00.000Z', partial: false },
        { start: '2026-03-11T00:00:00.000Z', end: '2026-03-12T00:00:00.000Z', partial: true },
      ],
      slos: [s],
    } as Timeseries;
    expect(sloPoints(view, s, (p) => p.compliance)).toEqual([
      { label: '03-10', value: 0.5 },
      { label: '03-11*', value: null },
    ]);
    expect(sloPoints(view, s, (p) => p.latency.medianMs)[0]!.value).toBe(3_600_000);
  });
});

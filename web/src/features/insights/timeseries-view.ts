/** Pure helpers of the SLO trends view over `GET /v1/insights/timeseries` (the model's `Timeseries`). */
import type { Bucket, SloPoint, SloSeries, Timeseries } from '../../../../src/model/index.js';
import type { Point } from '../../ui/components/line-chart.js';

/** How an SLO is named in a picker and in URLs of the view. */
export function sloKey(series: Pick<SloSeries, 'agreement' | 'slo'>): string {
  return `${series.agreement}/${series.slo}`;
}

/** The SLO to show first: the one with the most judged requests in the range (the first on a tie, or when none has any). */
export function busiestSlo(slos: readonly SloSeries[]): SloSeries | undefined {
  let best: SloSeries | undefined;
  let most = -1;
  for (const series of slos) {
    const counted = series.points.reduce((n, p) => n + p.counted + p.pending, 0);
    if (counted > most) [best, most] = [series, counted];
  }
  return best;
}

/** A bucket's axis label, in UTC as the server buckets: `03-10 14:00` for hours, `03-10` for days and weeks (their start). */
export function bucketLabel(startIso: string, bucket: Bucket): string {
  return bucket === 'hour' ? `${startIso.slice(5, 10)} ${startIso.slice(11, 16)}` : startIso.slice(5, 10);
}

/** A chart series of one figure of an SLO, bucket by bucket; the still-filling bucket is marked with `*`. */
export function sloPoints(view: Timeseries, series: SloSeries, value: (point: SloPoint) => number | null): Point[] {
  return view.buckets.map((b, i) => ({
    label: `${bucketLabel(b.start, view.bucket)}${b.partial ? '*' : ''}`,
    value: series.points[i] ? value(series.points[i]) : null,
  }));
}

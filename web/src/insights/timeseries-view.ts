import type { Point } from '../components/line-chart.js';

export type TimeseriesBucket = 'hour' | 'day' | 'week';

/** One agreement SLO in one bucket: the requests made in it, judged as of now. */
export interface SloPointView {
  counted: number;
  met: number;
  missed: number;
  pending: number;
  compliance: number | null;
  latency: { medianMs: number | null; p90Ms: number | null; answered: number };
}

export interface SloSeriesView {
  agreement: string;
  provider: string;
  consumer: string;
  slo: string;
  objective: number;
  request: string;
  response: string;
  within: string;
  correlateBy: string;
  uncorrelated: number;
  points: SloPointView[];
}

/** `GET /v1/insights/timeseries` (`cello.timeseries/1`): per bucket, throughput and each agreement SLO's latency and compliance. */
export interface TimeseriesView {
  schema: 'cello.timeseries/1';
  generatedAt: string;
  bucket: TimeseriesBucket;
  from: string;
  to: string;
  buckets: { start: string; end: string; partial: boolean }[];
  events: { total: number[]; byType: { type: string; counts: number[] }[] };
  slos: SloSeriesView[];
}

/** How an SLO is named in a picker and in URLs of the view. */
export function sloKey(series: Pick<SloSeriesView, 'agreement' | 'slo'>): string {
  return `${series.agreement}/${series.slo}`;
}

/** The SLO to show first: the one with the most judged requests in the range (the first on a tie, or when none has any). */
export function busiestSlo(slos: readonly SloSeriesView[]): SloSeriesView | undefined {
  let best: SloSeriesView | undefined;
  let most = -1;
  for (const series of slos) {
    const counted = series.points.reduce((n, p) => n + p.counted + p.pending, 0);
    if (counted > most) [best, most] = [series, counted];
  }
  return best;
}

/** A bucket's axis label, in UTC as the server buckets: `03-10 14:00` for hours, `03-10` for days and weeks (their start). */
export function bucketLabel(startIso: string, bucket: TimeseriesBucket): string {
  return bucket === 'hour' ? `${startIso.slice(5, 10)} ${startIso.slice(11, 16)}` : startIso.slice(5, 10);
}

/** A chart series of one figure of an SLO, bucket by bucket; the still-filling bucket is marked with `*`. */
export function sloPoints(view: TimeseriesView, series: SloSeriesView, value: (point: SloPointView) => number | null): Point[] {
  return view.buckets.map((b, i) => ({ label: `${bucketLabel(b.start, view.bucket)}${b.partial ? '*' : ''}`, value: series.points[i] ? value(series.points[i]) : null }));
}

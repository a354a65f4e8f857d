import type { ManifestOf, Timeseries } from '../../model/index.js';
import { parseDuration } from '../../shared/index.js';
import type { EventLog } from '../../store/index.js';
import { bucketSpan } from './bucket-span.js';
import type { TimeseriesQuery } from './timeseries-query.js';
import { TimeseriesTally, type SloSeriesSpec } from './timeseries-tally.js';

/** Every SLO of every agreement, with its promise in milliseconds. */
export function sloSeriesSpecs(agreements: readonly ManifestOf<'Agreement'>[]): SloSeriesSpec[] {
  return agreements.flatMap((agreement) =>
    (agreement.spec.slos ?? []).map((slo) => ({
      agreement: agreement.metadata.name,
      provider: agreement.spec.provider.replace(/^cell:/, ''),
      consumer: agreement.spec.consumer.replace(/^cell:/, ''),
      slo: slo.name,
      objective: slo.objective,
      request: slo.request,
      response: slo.response,
      within: slo.within,
      withinMs: parseDuration(slo.within, `Agreement/${agreement.metadata.name} SLO ${slo.name} within`),
      correlateBy: slo.correlateBy ?? 'subject',
    })),
  );
}

/**
 * Throughput, latency and SLO compliance per bucket, from one streaming pass over the log: the span with every
 * type, and just before and after it only the SLOs' request and response types, so each event is read at most
 * once, a batch at a time. Requests count in the bucket they were made in, judged as of `now`.
 */
export async function computeTimeseries(
  events: Pick<EventLog, 'scanColumns'>,
  agreements: readonly ManifestOf<'Agreement'>[],
  now: Date,
  query: TimeseriesQuery,
): Promise<Timeseries> {
  const span = bucketSpan(query.bucket, query.fromMs, query.toMs);
  const nowMs = now.getTime();
  const tally = new TimeseriesTally(span, sloSeriesSpecs(agreements), {
    types: query.types,
    includeCello: query.includeCello,
    nowMs,
  });
  for (const range of tally.ranges()) {
    const scan = events.scanColumns({ ...range, ...(tally.needsExtensions ? { extensions: 'all' as const } : {}) });
    for await (const batch of scan) for (const row of batch) tally.observe(row);
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    schema: 'cello.timeseries/1',
    generatedAt: now.toISOString(),
    bucket: span.bucket,
    from: iso(span.fromMs),
    to: iso(span.toMs),
    buckets: Array.from({ length: span.count }, (_, i) => {
      const start = span.fromMs + i * span.size;
      return { start: iso(start), end: iso(start + span.size), partial: start + span.size > nowMs };
    }),
    ...tally.result(),
  };
}

import type { ManifestOf } from '../../model/index.js';
import { parseDuration } from '../../shared/index.js';
import { EVENT_COLUMN as C, type EventLog } from '../../store/index.js';
import { correlationKey } from './correlation-key.js';
import { measureSlo, type SloSignal } from './measure-slo.js';
import { sloState, type SloStatus } from './slo-status.js';

/**
 * Measures every SLO of every agreement over its window, ending `now`, from the live log: one column scan per
 * SLO over the request and response types, from `window + within` back (the extra `within` lets a response
 * find a request made just before the window).
 */
export async function evaluateSlos(
  events: Pick<EventLog, 'scanColumns'>,
  agreements: readonly ManifestOf<'Agreement'>[],
  now: Date,
  options: { minRequests: number },
): Promise<SloStatus[]> {
  const out: SloStatus[] = [];
  const nowMs = now.getTime();
  for (const agreement of agreements) {
    for (const slo of agreement.spec.slos ?? []) {
      const withinMs = parseDuration(slo.within, `Agreement/${agreement.metadata.name} SLO ${slo.name} within`);
      const windowMs = parseDuration(slo.window, `Agreement/${agreement.metadata.name} SLO ${slo.name} window`);
      const correlateBy = slo.correlateBy ?? 'subject';
      const fromMs = nowMs - windowMs;
      const requests: SloSignal[] = [];
      const responses: SloSignal[] = [];
      let uncorrelated = 0;
      const scan = events.scanColumns({
        types: [...new Set([slo.request, slo.response])],
        fromMs: fromMs - withinMs,
        toMs: nowMs + 1,
        ...(correlateBy === 'subject' ? {} : { extensions: 'all' as const }),
      });
      for await (const batch of scan) {
        for (const row of batch) {
          const key = correlationKey(row[C.subject], row[C.extensions], correlateBy);
          if (key === undefined) {
            uncorrelated++;
            continue;
          }
          const signal = { seq: row[C.seq], timeMs: row[C.timeMs], key };
          // A type that is both request and response (rare) counts as a request: it cannot answer itself.
          if (row[C.type] === slo.request) requests.push(signal);
          else responses.push(signal);
        }
      }
      const measurement = measureSlo(requests, responses, { fromMs, nowMs, withinMs });
      out.push({
        agreement: agreement.metadata.name,
        provider: agreement.spec.provider.replace(/^cell:/, ''),
        consumer: agreement.spec.consumer.replace(/^cell:/, ''),
        mode: agreement.spec.mode,
        slo: slo.name,
        objective: slo.objective,
        request: slo.request,
        response: slo.response,
        within: slo.within,
        window: slo.window,
        correlateBy,
        windowStart: new Date(fromMs).toISOString(),
        windowEnd: now.toISOString(),
        ...measurement,
        uncorrelated,
        state: sloState(measurement, slo.objective, options.minRequests),
      });
    }
  }
  return out;
}

import { useId, useState } from 'react';
import { niceDurationMax } from '../../ui/components/chart-scale.js';
import { Chart } from '../../ui/components/line-chart.js';
import { Loaded } from '../../ui/components/loaded.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration, formatShare } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { INSIGHT_ROUTES, type Bucket } from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { busiestSlo, sloKey, sloPoints } from './timeseries-view.js';
import { useApp } from '../../shell/app-context.js';

const BUCKETS: { bucket: Bucket; label: string; span: string }[] = [
  { bucket: 'hour', label: 'Hours', span: 'the last 48 hours' },
  { bucket: 'day', label: 'Days', span: 'the last 30 days' },
  { bucket: 'week', label: 'Weeks', span: 'the last 12 weeks' },
];

/**
 * Latency (median and p90) and compliance of one agreement SLO over time, bucket by bucket, from
 * `GET /v1/insights/timeseries`; the server pairs requests with responses, the view only draws.
 */
export function SloTrendsSection({ available }: { available: boolean }) {
  const { api } = useApp();
  const pickerId = useId();
  const [bucket, setBucket] = useState<Bucket>('day');
  const [chosen, setChosen] = useState<string>();
  const [series, reload] = useResource(
    async (signal) =>
      available ? callRoute(api, INSIGHT_ROUTES.timeseries, { query: { bucket } }, { signal }) : undefined,
    [api, available, bucket],
  );
  return (
    <section className="card" aria-labelledby="slo-trends-title" data-testid="slo-trends">
      <div className="panel-head">
        <h2 id="slo-trends-title">Latency and SLO compliance over time</h2>
        {available && (
          <div className="segmented" role="group" aria-label="Bucket size">
            {BUCKETS.map((b) => (
              <button
                key={b.bucket}
                type="button"
                aria-pressed={bucket === b.bucket}
                onClick={() => setBucket(b.bucket)}
              >
                {b.label}
              </button>
            ))}
          </div>
        )}
      </div>
      {!available ? (
        <NotAvailable feature="Latency and SLO compliance over time" endpoint={endpointOf(INSIGHT_ROUTES.timeseries)} />
      ) : (
        <Loaded resource={series} what="latency and SLO compliance over time" onRetry={reload}>
          {(view) => {
            if (!view) return null;
            if (view.slos.length === 0)
              return <p className="hint">No agreement states an SLO, so there is no latency or compliance to chart.</p>;
            const slo = view.slos.find((s) => sloKey(s) === chosen) ?? busiestSlo(view.slos)!;
            const name = `${slo.agreement} · ${slo.slo}`;
            const judged = slo.points.reduce((n, p) => n + p.counted, 0);
            const span = BUCKETS.find((b) => b.bucket === view.bucket)!.span;
            return (
              <>
                <div className="filter-row">
                  <label htmlFor={pickerId}>Agreement SLO</label>
                  <select id={pickerId} value={sloKey(slo)} onChange={(e) => setChosen(e.target.value)}>
                    {view.slos.map((s) => (
                      <option key={sloKey(s)} value={sloKey(s)}>
                        {s.agreement} · {s.slo}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="chart-grid">
                  <Chart
                    title={`Latency over time: ${name}`}
                    series={[
                      { name: 'median', points: sloPoints(view, slo, (p) => p.latency.medianMs) },
                      { name: 'p90', points: sloPoints(view, slo, (p) => p.latency.p90Ms) },
                    ]}
                    format={formatDuration}
                    max={niceDurationMax(Math.max(0, ...slo.points.map((p) => p.latency.p90Ms ?? 0)))}
                  />
                  <Chart
                    title={`SLO compliance over time: ${name}`}
                    points={sloPoints(view, slo, (p) => p.compliance)}
                    format={(v) => formatShare(v, 0)}
                    max={1}
                    target={slo.objective}
                  />
                </div>
                <p className="hint">
                  {slo.request} answered by {slo.response} within {slo.within}, objective{' '}
                  {formatShare(slo.objective, 0)} (dashed line); {formatCount(judged)} request(s) judged over {span},
                  each in the {view.bucket} it was made (UTC). * marks the {view.bucket} still under way, whose requests
                  may still be pending.
                </p>
              </>
            );
          }}
        </Loaded>
      )}
    </section>
  );
}

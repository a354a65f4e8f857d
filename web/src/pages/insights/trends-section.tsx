import { Loaded } from '../../components/loaded.js';
import { Chart } from '../../components/line-chart.js';
import { NotAvailable } from '../../components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration, formatShare } from '../../format/format-time.js';
import { INSIGHT_ENDPOINTS } from '../../insights/insight-endpoints.js';
import { useApp } from '../../shell/app-context.js';

interface Series {
  name: string;
  unit?: 'count' | 'ms' | 'share';
  target?: number;
  points: { at: string; value: number | null }[];
}

const FORMATS = { count: formatCount, ms: formatDuration, share: (v: number) => formatShare(v, 0) };

/** Throughput, latency and SLO compliance over time, aggregated by the server into buckets. */
export function TrendsSection({ path }: { path: string | undefined }) {
  const { api } = useApp();
  const [trends, reload] = useResource(async (signal) => (path ? (await api.get<{ series: Series[] }>(path, { from: '28d' }, { signal })).series : undefined), [api, path]);
  return (
    <section className="card" aria-labelledby="trends-title">
      <h2 id="trends-title">Throughput, latency and SLO compliance</h2>
      {!path ? (
        <NotAvailable feature="Trends" endpoint={`GET ${INSIGHT_ENDPOINTS.trends[0]}`} />
      ) : (
        <Loaded resource={trends} what="trends" onRetry={reload}>
          {(series) => (
            <div className="chart-grid">
              {(series ?? []).map((s) => (
                <Chart
                  key={s.name}
                  title={s.name}
                  points={s.points.map((p) => ({ label: p.at.slice(5, 10), value: p.value }))}
                  format={FORMATS[s.unit ?? 'count']}
                  {...(s.target !== undefined ? { target: s.target } : {})}
                  {...(s.unit === 'share' ? { max: 1 } : {})}
                />
              ))}
            </div>
          )}
        </Loaded>
      )}
    </section>
  );
}

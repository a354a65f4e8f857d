import { Loaded } from '../../ui/components/loaded.js';
import { Chart } from '../../ui/components/line-chart.js';
import type { Resource } from '../../api/use-resource.js';
import { formatCount, formatShare } from '../../ui/format/format-time.js';
import type { HealthReport } from '../../../../src/model/http/index.js';

/**
 * Week by week, from the health report's trend (aggregated on the server): throughput, rework, tensions. Latency
 * and SLO compliance over time have their own section (SloTrendsSection).
 */
export function TrendsSection({ health, onRetry }: { health: Resource<HealthReport>; onRetry: () => void }) {
  return (
    <section className="card" aria-labelledby="trends-title">
      <h2 id="trends-title">Trends by week</h2>
      <Loaded resource={health} what="the weekly trend" feature="Trends" onRetry={onRetry}>
        {(report) => {
          const week = (iso: string) => iso.slice(5, 10);
          const points = (value: (w: HealthReport['trend'][number]) => number | null) =>
            report.trend.map((w) => ({ label: week(w.weekStart), value: value(w) }));
          return (
            <div className="chart-grid">
              <Chart
                title="Throughput: cases started per week"
                kind="bars"
                points={points((w) => w.cases)}
                format={formatCount}
              />
              <Chart
                title="Cases with rework"
                points={points((w) => w.reworkShare)}
                format={(v) => formatShare(v, 0)}
                max={1}
              />
              <Chart
                title="Tensions raised per week"
                kind="bars"
                points={points((w) => w.tensionsRaised)}
                format={formatCount}
              />
              <Chart
                title="Tensions waiting for a decision at week end"
                points={points((w) => w.awaitingAtEnd)}
                format={formatCount}
              />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}

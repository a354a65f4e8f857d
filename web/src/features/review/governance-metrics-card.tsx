import { Loaded } from '../../ui/components/loaded.js';
import { Chart } from '../../ui/components/line-chart.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration, formatShare } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { GOVERNANCE_ROUTES } from '../../../../src/model/http/index.js';
import { useApp } from '../../shell/app-context.js';

/** How the organization mediates, from the record: time to surface and decide, reviews without a decision. */
export function GovernanceMetricsCard() {
  const { api } = useApp();
  const [metrics] = useResource((signal) => callRoute(api, GOVERNANCE_ROUTES.metrics, {}, { signal }), [api]);
  return (
    <section className="card" aria-labelledby="gov-metrics-title">
      <h2 id="gov-metrics-title">How we mediate</h2>
      <Loaded resource={metrics} what="governance metrics">
        {(m) => (
          <>
            <dl className="stat-row">
              <div>
                <dt>tensions raised</dt>
                <dd>{formatCount(m.tensions.raised)}</dd>
              </div>
              <div>
                <dt>median time to surface</dt>
                <dd>{formatDuration(m.timeToSurface.medianMs)}</dd>
              </div>
              <div>
                <dt>median time to decision</dt>
                <dd>{formatDuration(m.timeToDecision.medianMs)}</dd>
              </div>
              <div>
                <dt>reviews without a decision</dt>
                <dd>{formatShare(m.reviews.shareWithoutDecision, 0)}</dd>
              </div>
              <div>
                <dt>reopened</dt>
                <dd>{formatCount(m.reopened.tensions)}</dd>
              </div>
              <div>
                <dt>escalations</dt>
                <dd>{formatCount(m.escalations)}</dd>
              </div>
            </dl>
            <Chart
              title="Share of reviews that ended without a decision, by week"
              kind="bars"
              max={1}
              points={m.reviews.byWeek.map((w) => ({ label: w.week, value: w.share }))}
              format={(v) => formatShare(v, 0)}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}

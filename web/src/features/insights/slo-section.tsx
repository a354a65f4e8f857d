import { Loaded } from '../../ui/components/loaded.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration, formatShare } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { INSIGHT_ROUTES, type SloStatus } from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';
import { HEALTH_COLORS } from '../../ui/org/health-colors.js';

const COLORS: Record<SloStatus['state'], string> = {
  met: HEALTH_COLORS.met,
  breached: HEALTH_COLORS.breached,
  'insufficient-data': HEALTH_COLORS['no-data'],
  'no-data': HEALTH_COLORS['no-data'],
};

/** Each agreement SLO over its window: compliance against the objective, and how long answers take. */
export function SloSection({ available }: { available: boolean }) {
  const { api } = useApp();
  const [slos, reload] = useResource(
    async (signal) => (available ? (await callRoute(api, INSIGHT_ROUTES.slos, {}, { signal })).slos : []),
    [api, available],
  );
  return (
    <section className="card" aria-labelledby="slo-title">
      <h2 id="slo-title">SLO compliance</h2>
      {!available ? (
        <NotAvailable feature="SLO compliance" endpoint={endpointOf(INSIGHT_ROUTES.slos)} />
      ) : (
        <Loaded resource={slos} what="SLO compliance" onRetry={reload}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="hint">No agreement states an SLO.</p>
            ) : (
              <table className="table table-compact" data-testid="slos">
                <thead>
                  <tr>
                    <th scope="col">agreement · SLO</th>
                    <th scope="col">compliance vs objective</th>
                    <th scope="col" className="num">
                      median · p90
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={`${s.agreement}/${s.slo}`}>
                      <td>
                        <strong>{s.agreement}</strong> <span className="muted">{s.slo}</span>
                        <div className="hint">
                          {s.provider} → {s.consumer}, within {s.within} over {s.window}
                          {s.tension && (
                            <>
                              {' '}
                              · <Link to={`/tensions/${encodeURIComponent(s.tension)}`}>{s.tension}</Link>
                            </>
                          )}
                        </div>
                      </td>
                      <td style={{ minWidth: 180 }}>
                        <div className="bar-track bar-with-target" aria-hidden="true">
                          <div
                            className="bar"
                            style={{ width: `${(s.compliance ?? 0) * 100}%`, background: COLORS[s.state] }}
                          />
                          <div className="bar-target" style={{ left: `${s.objective * 100}%` }} />
                        </div>
                        <span className="hint">
                          {s.compliance === null
                            ? s.state.replace('-', ' ')
                            : `${formatShare(s.compliance)} of ${formatCount(s.counted)}`}{' '}
                          · objective {formatShare(s.objective, 0)}
                          {s.state === 'breached' && <strong> · breached</strong>}
                        </span>
                      </td>
                      <td className="num">
                        {formatDuration(s.latency.medianMs)} · {formatDuration(s.latency.p90Ms)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

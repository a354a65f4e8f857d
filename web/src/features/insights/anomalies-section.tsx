import { callRoute } from '../../../../src/client/isomorphic.js';
import { INSIGHT_ROUTES } from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { Loaded } from '../../ui/components/loaded.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration } from '../../ui/format/format-time.js';
import { useApp } from '../../shell/app-context.js';

/** What is unusual in the last complete hour: volume and latency against a robust baseline, and stalled cases. */
export function AnomaliesSection({ available }: { available: boolean }) {
  const { api } = useApp();
  const [report, reload] = useResource(
    async (signal) => (available ? callRoute(api, INSIGHT_ROUTES.anomalies, {}, { signal }) : undefined),
    [api, available],
  );
  const show = (metric: string, v: number) => (metric === 'latency' ? formatDuration(v) : formatCount(v));
  return (
    <section className="card" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">Anomalies</h2>
      {!available ? (
        <NotAvailable feature="Anomalies" endpoint={endpointOf(INSIGHT_ROUTES.anomalies)} />
      ) : (
        <Loaded resource={report} what="anomalies" onRetry={reload}>
          {(data) =>
            !data ? null : (
              <div className="stack">
                {data.anomalies.length === 0 ? (
                  <p className="hint">Volume and latency are within their usual range.</p>
                ) : (
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">what</th>
                        <th scope="col" className="num">
                          now
                        </th>
                        <th scope="col" className="num">
                          usual
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.anomalies.slice(0, 10).map((a) => (
                        <tr key={`${a.metric}/${a.scope}/${a.key}`}>
                          <td>
                            {a.metric} {a.direction} for {a.scope} <code>{a.key}</code>
                          </td>
                          <td className="num">{show(a.metric, a.value)}</td>
                          <td className="num">{show(a.metric, a.baselineMedian)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <p className="hint">
                  {data.stalledCases.total === 0
                    ? 'No case is stalled.'
                    : `${data.stalledCases.total} case(s) stalled, e.g. ${data.stalledCases.cases
                        .slice(0, 3)
                        .map(
                          (c) =>
                            `${c.case} after ${c.lastActivity} for ${formatDuration(c.idleMs)}${c.waitingOn ? ` (waiting on ${c.waitingOn})` : ''}`,
                        )
                        .join('; ')}.`}
                </p>
              </div>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

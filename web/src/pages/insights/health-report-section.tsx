import { Loaded } from '../../components/loaded.js';
import { NotAvailable } from '../../components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { INSIGHT_ENDPOINTS } from '../../insights/insight-endpoints.js';
import { useApp } from '../../shell/app-context.js';

interface HealthArea {
  name: string;
  status?: string;
  score?: number;
  findings?: { message: string; severity?: string }[];
}

/** The orchestration health report: teams, boundaries and conflicts, each with its findings. */
export function HealthReportSection({ path }: { path: string | undefined }) {
  const { api } = useApp();
  const [report, reload] = useResource(async (signal) => (path ? api.get<{ areas: HealthArea[] }>(path, {}, { signal }) : undefined), [api, path]);
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">Orchestration health</h2>
      {!path ? (
        <NotAvailable feature="Health report" endpoint={`GET ${INSIGHT_ENDPOINTS.health[0]}`} />
      ) : (
        <Loaded resource={report} what="the health report" onRetry={reload}>
          {(data) => (
            <div className="card-grid">
              {(data?.areas ?? []).map((area) => (
                <section key={area.name} aria-label={area.name}>
                  <h3>
                    {area.name} {area.status && <span className="badge">{area.status}</span>}
                  </h3>
                  <ul className="plain-list">
                    {(area.findings ?? []).map((f, i) => (
                      <li key={i}>{f.message}</li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Loaded>
      )}
    </section>
  );
}

import { Loaded } from '../../ui/components/loaded.js';
import type { Resource } from '../../api/use-resource.js';
import { formatDate, formatDuration } from '../../ui/format/format-time.js';
import type { HealthReport, HealthStatus } from '../../../../src/model/http/index.js';
import { Link } from '../../router/link.js';

const STATUS_CLASS: Record<HealthStatus, string> = {
  healthy: 'state-resolved',
  watch: 'status-pending',
  act: 'status-dead',
};

/** The orchestration health report: teams, boundaries and conflicts, each with why it stands where it does. */
export function HealthReportSection({ health, onRetry }: { health: Resource<HealthReport>; onRetry: () => void }) {
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">Orchestration health</h2>
      <Loaded resource={health} what="the health report" feature="Health report" onRetry={onRetry}>
        {(report) => (
          <div className="stack" data-testid="health-report">
            <p>
              Overall <span className={`badge ${STATUS_CLASS[report.status]}`}>{report.status}</span>{' '}
              <span className="hint">since {formatDate(report.from)}</span>
            </p>
            {(
              [
                ['Teams', report.teams],
                ['Boundaries', report.boundaries],
                ['Conflicts', report.conflicts],
              ] as const
            ).map(([name, area]) => (
              <section key={name} aria-label={name}>
                <h3>
                  {name} <span className={`badge ${STATUS_CLASS[area.status]}`}>{area.status}</span>
                </h3>
                {area.signals.length === 0 ? (
                  <p className="hint">Nothing to report.</p>
                ) : (
                  <ul className="plain-list">
                    {area.signals.slice(0, 8).map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
            {report.conflicts.aging.length > 0 && (
              <p className="hint">
                Waiting longest:{' '}
                {report.conflicts.aging.slice(0, 3).map((a, i) => (
                  <span key={a.tension}>
                    {i > 0 && ', '}
                    <Link to={`/tensions/${encodeURIComponent(a.tension)}`}>{a.tension}</Link> (
                    {formatDuration(a.ageMs)})
                  </span>
                ))}
              </p>
            )}
          </div>
        )}
      </Loaded>
    </section>
  );
}

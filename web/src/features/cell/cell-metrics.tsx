import { callRoute } from '../../../../src/client/isomorphic.js';
import { TENSION_ROUTES } from '../../../../src/model/http/index.js';
import { useResource } from '../../api/use-resource.js';
import { formatShare } from '../../ui/format/format-time.js';
import type { OrgSnapshot } from '../../ui/org/load-org.js';
import { refName } from '../../ui/org/load-org.js';
import type { AgreementHealth } from '../../ui/org/org-graph.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';

/** The cell's numbers: tensions it is part of, SLO compliance of the agreements it provides. */
export function CellMetrics({
  cell,
  org,
  health,
}: {
  cell: string;
  org: OrgSnapshot;
  health: ReadonlyMap<string, AgreementHealth> | undefined;
}) {
  const { api, capabilities } = useApp();
  const tensionsAvailable = capabilities.has(TENSION_ROUTES.list);
  const [tensions] = useResource(
    async (signal) =>
      tensionsAvailable
        ? (
            await callRoute(
              api,
              TENSION_ROUTES.list,
              { query: { cell, state: 'open,scheduled', limit: 100 } },
              { signal },
            )
          ).tensions
        : undefined,
    [api, cell, tensionsAvailable],
  );
  const provided = org.agreements.filter((a) => refName(a.spec.provider) === cell && (a.spec.slos ?? []).length > 0);
  const measured = provided
    .map((a) => health?.get(a.metadata.name))
    .filter((h): h is AgreementHealth => h?.compliance !== undefined);
  const waiting = tensions.status === 'ready' ? tensions.data : undefined;
  return (
    <section className="card" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <dl className="stat-row">
        <div>
          <dt>tensions waiting</dt>
          <dd>{waiting ? (waiting.length === 100 ? '100+' : waiting.length) : '–'}</dd>
        </div>
        <div>
          <dt>agreements provided with SLOs</dt>
          <dd>{provided.length}</dd>
        </div>
        <div>
          <dt>lowest SLO compliance</dt>
          <dd>{measured.length === 0 ? '–' : formatShare(Math.min(...measured.map((h) => h.compliance!)))}</dd>
        </div>
      </dl>
      {waiting && waiting.length > 0 && (
        <ul className="plain-list">
          {waiting.slice(0, 5).map((t) => (
            <li key={t.tension.id}>
              <Link to={`/tensions/${encodeURIComponent(t.tension.id)}`}>
                {t.tension.id} {t.tension.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {!tensionsAvailable && <p className="hint">Tensions: not available on this server.</p>}
      {!health && <p className="hint">SLO compliance: not available on this server.</p>}
    </section>
  );
}

import { formatShare } from '../../ui/format/format-time.js';
import { refName, type OrgSnapshot } from '../../ui/org/load-org.js';
import type { AgreementHealth } from '../../ui/org/org-graph.js';
import { Link } from '../../router/link.js';
import { HEALTH_COLORS, HEALTH_LABELS } from '../../ui/org/health-colors.js';

/** The agreements the cell provides and consumes, with their SLOs and measured health. */
export function CellAgreements({
  org,
  cell,
  health,
}: {
  org: OrgSnapshot;
  cell: string;
  health: ReadonlyMap<string, AgreementHealth> | undefined;
}) {
  const mine = org.agreements.filter((a) => refName(a.spec.provider) === cell || refName(a.spec.consumer) === cell);
  return (
    <section className="card card-wide" aria-labelledby="agreements-title">
      <h2 id="agreements-title">Agreements</h2>
      {mine.length === 0 ? (
        <p className="hint">No agreement names this cell as provider or consumer.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">agreement</th>
              <th scope="col">role</th>
              <th scope="col">with</th>
              <th scope="col">mode</th>
              <th scope="col">SLOs</th>
              <th scope="col">health</th>
              <th scope="col">review</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((a) => {
              const provides = refName(a.spec.provider) === cell;
              const other = refName(provides ? a.spec.consumer : a.spec.provider);
              const h = health?.get(a.metadata.name);
              const status = h?.status ?? 'unknown';
              return (
                <tr key={a.metadata.name}>
                  <td>
                    {a.metadata.title ?? a.metadata.name} <span className="muted">v{a.version}</span>
                  </td>
                  <td>{provides ? `provides ${a.spec.offer}` : `consumes ${a.spec.offer}`}</td>
                  <td>
                    <Link to={`/cells/${encodeURIComponent(other)}`}>{other}</Link>
                  </td>
                  <td>
                    {a.spec.mode}
                    {a.spec.duration && <span className="muted"> for {a.spec.duration}</span>}
                  </td>
                  <td>
                    {(a.spec.slos ?? []).length === 0
                      ? 'none'
                      : (a.spec.slos ?? []).map((s) => (
                          <div key={s.name}>
                            {formatShare(s.objective, 0)} of <code>{s.request}</code> answered by{' '}
                            <code>{s.response}</code> within {s.within} over {s.window}
                          </div>
                        ))}
                  </td>
                  <td>
                    <span className="health">
                      <span className="swatch" style={{ background: HEALTH_COLORS[status] }} aria-hidden="true" />
                      {health ? HEALTH_LABELS[status] : 'not measured'}
                      {h?.compliance !== undefined && <> ({formatShare(h.compliance)})</>}
                    </span>
                  </td>
                  <td>{a.spec.reviewDate ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!health && mine.length > 0 && (
        <p className="hint">
          SLO health: not available on this server (it computes no SLO compliance), so none is shown.
        </p>
      )}
    </section>
  );
}

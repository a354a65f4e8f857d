import { callRoute } from '../../../../src/client/isomorphic.js';
import { DELIVERY_ROUTES } from '../../../../src/model/http/index.js';
import { Loaded } from '../../ui/components/loaded.js';
import { useResource } from '../../api/use-resource.js';
import { formatDate, formatDuration } from '../../ui/format/format-time.js';
import { useApp } from '../../shell/app-context.js';

/** Every attempt of one delivery, loaded when its row is opened. */
export function AttemptsTable({ delivery }: { delivery: string }) {
  const { api } = useApp();
  const [attempts] = useResource(
    (signal) =>
      callRoute(api, DELIVERY_ROUTES.attempts, { params: { id: delivery } }, { signal }).then((b) => b.attempts),
    [api, delivery],
  );
  return (
    <Loaded resource={attempts} what="attempts">
      {(rows) =>
        rows.length === 0 ? (
          <p className="hint">Not attempted yet.</p>
        ) : (
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">started</th>
                <th scope="col">took</th>
                <th scope="col">answer</th>
                <th scope="col">outcome</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.attempt}>
                  <td>{a.attempt}</td>
                  <td>{formatDate(a.startedAt)}</td>
                  <td>{formatDuration(a.durationMs)}</td>
                  <td>{a.statusCode ?? a.error ?? '–'}</td>
                  <td>{a.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loaded>
  );
}

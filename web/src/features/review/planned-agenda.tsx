import { useState } from 'react';
import { formatDate } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { REVIEW_ROUTES, type Review } from '../../../../src/model/http/index.js';
import { describeRoute } from '../../ui/governance/tension-view.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';

/** A planned review: its generated agenda, which the facilitator may reorder, refresh, and start. */
export function PlannedAgenda({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { api } = useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const params = { id: review.id };

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const move = (index: number, by: -1 | 1) => {
    const order = review.agenda.map((i) => i.tensionId);
    const [item] = order.splice(index, 1);
    order.splice(index + by, 0, item!);
    return act(() => callRoute(api, REVIEW_ROUTES.reorder, { params, body: { order } }));
  };

  return (
    <section className="card" aria-labelledby="planned-title">
      <div className="panel-head">
        <h2 id="planned-title">
          Review {review.id}, planned for {formatDate(review.scheduledFor)}
        </h2>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => act(() => callRoute(api, REVIEW_ROUTES.plan, { body: { cell: review.cell } }))}
          >
            Refresh the agenda
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => act(() => callRoute(api, REVIEW_ROUTES.start, { params }))}
          >
            Start the review
          </button>
        </div>
      </div>
      <p className="hint">
        Held by cell:{review.cell}
        {review.scope ? ` for ${review.scope.join(', ')}` : ' for the whole organization'}. Its facilitator (or the
        admin) starts it.
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {review.agenda.length === 0 ? (
        <p className="notice notice-quiet">
          The agenda is empty: no tension is waiting for a decision. Raise one on the Tensions page.
        </p>
      ) : (
        <ol className="agenda" aria-label="Agenda">
          {review.agenda.map((item, index) => (
            <li key={item.tensionId} className="agenda-row">
              <div className="agenda-item">
                <span className="agenda-number">{index + 1}</span>
                <span>
                  <strong>
                    <Link to={`/tensions/${encodeURIComponent(item.tensionId)}`}>{item.tensionId}</Link> {item.title}
                  </strong>
                  <span className="tension-card-meta">
                    <span className="badge">{item.kind === 'tension' ? item.type : `${item.kind} due for review`}</span>
                    <span className={`badge severity-${item.severity}`}>{item.severity}</span>
                    {item.cells.join(', ')}
                  </span>
                  <span className="hint">
                    Priority {Math.round(item.priority.total)}: {item.priority.explanation}
                  </span>
                  <span className="hint">{describeRoute(item.route)}</span>
                </span>
              </div>
              <div className="agenda-moves">
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy || index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${item.tensionId} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy || index === review.agenda.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${item.tensionId} down`}
                >
                  ↓
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { useEffect, useMemo } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { useResource } from '../../api/use-resource.js';
import { formatDate } from '../../ui/format/format-time.js';
import { DecisionSummary } from '../../ui/governance/decision-summary.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { DECISION_ROUTES, REVIEW_ROUTES, type Review } from '../../../../src/model/http/index.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';

/** A closed review as the record keeps it: its decisions with their diffs, and the minutes in Markdown. */
export function ReviewRecord({ review }: { review: Review }) {
  const { api } = useApp();
  const [record] = useResource(
    async (signal) => {
      const [minutes, decisions] = await Promise.all([
        callRoute(api, REVIEW_ROUTES.minutes, { params: { id: review.id } }, { signal }),
        callRoute(api, DECISION_ROUTES.list, { query: { review: review.id } }, { signal }).then((b) => b.decisions),
      ]);
      return { minutes, decisions };
    },
    [api, review.id],
  );
  const minutes = record.status === 'ready' ? record.data.minutes : undefined;
  const download = useMemo(
    () => (minutes ? URL.createObjectURL(new Blob([minutes], { type: 'text/markdown' })) : undefined),
    [minutes],
  );
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  return (
    <div className="stack" data-testid="review-record">
      <p>
        <Link to="/review">← Review mode</Link>
      </p>
      <section className="card" aria-labelledby="record-title">
        <h2 id="record-title">
          Review {review.id} <span className={`badge state-${review.state}`}>{review.state}</span>
        </h2>
        <p>
          Held by cell:{review.cell};{' '}
          {review.state === 'closed'
            ? `closed ${formatDate(review.closedAt)}`
            : `scheduled for ${formatDate(review.scheduledFor)}`}
          . {review.decided} of {review.items} item{review.items === 1 ? '' : 's'} decided.
          {review.noDecision && <strong> It ended without a decision.</strong>}
        </p>
      </section>
      <Loaded resource={record} what="the record of this review">
        {({ minutes: text, decisions }) => (
          <>
            <section className="card" aria-labelledby="decisions-title">
              <h2 id="decisions-title">Decisions</h2>
              {decisions.length === 0 ? (
                <p className="hint">No decision was taken.</p>
              ) : (
                decisions.map((d) => <DecisionSummary key={d.id} decision={d} />)
              )}
            </section>
            <section className="card" aria-labelledby="minutes-title">
              <div className="panel-head">
                <h2 id="minutes-title">Minutes</h2>
                {download && (
                  <a className="button" href={download} download={`review-${review.id}-minutes.md`}>
                    Download Markdown
                  </a>
                )}
              </div>
              <pre className="minutes" data-testid="minutes">
                {text}
              </pre>
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}

import { Loaded } from '../../ui/components/loaded.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatDate } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { GOVERNANCE_ROUTES, REVIEW_ROUTES, type NextReview } from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { loadOrg } from '../../ui/org/load-org.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';
import { useProjector } from '../../shell/use-projector.js';
import { GovernanceMetricsCard } from './governance-metrics-card.js';
import { PlanReviewForm } from './plan-review-form.js';
import { PlannedAgenda } from './planned-agenda.js';
import { ReviewRecord } from './review-record.js';
import { ReviewRunner } from './review-runner.js';

/** Review mode: plan the agenda, run it item by item (surface → decide → update), close it, read the minutes. */
export function ReviewPage({ selected }: { selected?: string }) {
  const { api, capabilities } = useApp();
  const [projector, setProjector] = useProjector();
  const available = capabilities.has(REVIEW_ROUTES.list);
  const [data, reload] = useResource(
    async (signal) => {
      if (!available) return undefined;
      const [reviews, next, org] = await Promise.all([
        callRoute(api, REVIEW_ROUTES.list, {}, { signal }).then((b) => b.reviews),
        callRoute(api, REVIEW_ROUTES.next, {}, { signal }).catch((): NextReview => ({})),
        loadOrg(api),
      ]);
      // At most one review is planned or running at a time; the list carries its agenda.
      const open = reviews.filter((r) => r.state !== 'closed').pop();
      const current = open
        ? await callRoute(api, REVIEW_ROUTES.show, { params: { id: open.id } }, { signal })
        : undefined;
      return { current, reviews, next, org };
    },
    [api, available, selected],
  );

  return (
    <section className="page review-page">
      <PageHeader
        title="Tension review"
        lead="The recurring review: the generated agenda with its evidence, taken item by item — surface, decide, update."
        actions={
          <>
            <button type="button" className="button" aria-pressed={projector} onClick={() => setProjector(!projector)}>
              Large type
            </button>
            <button type="button" className="button button-quiet" onClick={reload}>
              Refresh
            </button>
          </>
        }
      />
      {!available ? (
        <NotAvailable feature="Reviews" endpoint={endpointOf(REVIEW_ROUTES.list)} />
      ) : (
        <Loaded resource={data} what="the review" onRetry={reload}>
          {(loaded) => {
            if (!loaded) return null;
            const { current, reviews, next, org } = loaded;
            const closed = reviews.filter((r) => r.state === 'closed').reverse();
            if (selected) {
              const review = reviews.find((r) => r.id === selected);
              return review ? (
                <ReviewRecord review={review} />
              ) : (
                <p className="notice notice-error">There is no review {selected}.</p>
              );
            }
            return (
              <div className="stack">
                {current?.state === 'running' && <ReviewRunner review={current} org={org} onChanged={reload} />}
                {current?.state === 'planned' && <PlannedAgenda review={current} onChanged={reload} />}
                {!current && (
                  <>
                    <p className="notice notice-quiet">
                      No review is planned or running.
                      {next.at ? ` The next one falls on ${formatDate(next.at)} by the organization's cadence.` : ''}
                    </p>
                    {capabilities.has(REVIEW_ROUTES.plan) && <PlanReviewForm org={org} onPlanned={reload} />}
                  </>
                )}
                <section className="card" aria-labelledby="past-title">
                  <h2 id="past-title">Past reviews</h2>
                  {closed.length === 0 ? (
                    <p className="hint">None closed yet.</p>
                  ) : (
                    <ul className="plain-list">
                      {closed.slice(0, 20).map((r) => (
                        <li key={r.id}>
                          <Link to={`/review/${encodeURIComponent(r.id)}`}>
                            {r.id} · {formatDate(r.closedAt)}
                          </Link>{' '}
                          <span className="muted">
                            {r.decided} of {r.items} decided
                          </span>{' '}
                          {r.noDecision && <span className="badge status-dead">ended without a decision</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                {capabilities.has(GOVERNANCE_ROUTES.metrics) && <GovernanceMetricsCard />}
              </div>
            );
          }}
        </Loaded>
      )}
    </section>
  );
}

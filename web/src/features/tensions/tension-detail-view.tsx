import { useId, useState, type FormEvent } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { useResource } from '../../api/use-resource.js';
import { formatDate, formatDuration } from '../../ui/format/format-time.js';
import { DecisionSummary, ProposalSummary } from '../../ui/governance/decision-summary.js';
import { EvidenceList } from '../../ui/governance/evidence-list.js';
import { OutcomeForm } from '../../ui/governance/outcome-form.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { TENSION_ROUTES, type DecideResult } from '../../../../src/model/http/index.js';
import { describeRoute } from '../../ui/governance/tension-view.js';
import { loadOrg } from '../../ui/org/load-org.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';
import { NotesSection } from './notes-section.js';
import { RatingForm } from './rating-form.js';

/** One tension: what it is, who decides it, its score, evidence, comments, proposals and decisions. */
export function TensionDetailView({ id }: { id: string }) {
  const { api } = useApp();
  const [resource, reload] = useResource(
    async (signal) => {
      const [detail, org] = await Promise.all([
        callRoute(api, TENSION_ROUTES.show, { params: { id } }, { signal }),
        loadOrg(api),
      ]);
      return { detail, org };
    },
    [api, id],
  );
  const [result, setResult] = useState<DecideResult>();
  const title = resource.status === 'ready' ? resource.data.detail.tension.title : id;

  return (
    <section className="page tension-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/tensions">Tensions</Link> <span aria-hidden="true">/</span> <span>{id}</span>
      </nav>
      <PageHeader
        title={title}
        lead={resource.status === 'ready' ? resource.data.detail.tension.description : undefined}
        actions={
          resource.status === 'ready' && (
            <>
              <span className={`badge state-${resource.data.detail.tension.state}`} data-testid="tension-state">
                {resource.data.detail.tension.state}
              </span>
              <span className="badge">{resource.data.detail.tension.type}</span>
              <span className={`badge severity-${resource.data.detail.tension.severity}`}>
                {resource.data.detail.tension.severity}
              </span>
            </>
          )
        }
      />
      <Loaded resource={resource} what={`tension ${id}`} onRetry={reload}>
        {({ detail, org }) => {
          const { tension, route, score, priority } = detail;
          const waiting = tension.state === 'open' || tension.state === 'scheduled';
          return (
            <div className="card-grid">
              <section className="card" aria-labelledby="about-title">
                <h2 id="about-title">About</h2>
                <dl className="facts">
                  <dt>Cells</dt>
                  <dd>
                    {tension.cells.map((c, i) => (
                      <span key={c}>
                        {i > 0 && ', '}
                        <Link to={`/cells/${encodeURIComponent(c)}`}>{c}</Link>
                      </span>
                    ))}
                  </dd>
                  <dt>Raised</dt>
                  <dd>
                    {formatDate(tension.raisedAt)} by {tension.raisedBy}
                  </dd>
                  <dt>First seen</dt>
                  <dd>
                    {formatDate(tension.observedAt)} (
                    {formatDuration(Date.parse(tension.raisedAt) - Date.parse(tension.observedAt))} before it was
                    raised)
                  </dd>
                  {tension.origin === 'detector' && (
                    <>
                      <dt>Detected</dt>
                      <dd>
                        by {tension.detector}, {tension.occurrences} time{tension.occurrences === 1 ? '' : 's'}
                      </dd>
                    </>
                  )}
                  {tension.reviewId && (
                    <>
                      <dt>On the agenda of</dt>
                      <dd>
                        <Link to="/review">review {tension.reviewId}</Link>
                      </dd>
                    </>
                  )}
                  {tension.closedReason && (
                    <>
                      <dt>Closed because</dt>
                      <dd>{tension.closedReason}</dd>
                    </>
                  )}
                </dl>
              </section>
              <section className="card" aria-labelledby="route-title">
                <h2 id="route-title">Who decides</h2>
                <p className={route.routed ? '' : 'notice notice-unavailable'}>{describeRoute(route)}</p>
                {route.routed && route.criteria.length > 0 && (
                  <p className="hint">Criteria: {route.criteria.join(', ')}</p>
                )}
                {route.routed && route.advisors.length > 0 && (
                  <p className="hint">Advisors: {route.advisors.join(', ')}</p>
                )}
                <p className="hint">Priority on the agenda: {priority.explanation}</p>
              </section>
              <section className="card card-wide" aria-labelledby="score-title">
                <h2 id="score-title">
                  Score {score.total} of {score.max}
                </h2>
                <RatingForm tensionId={tension.id} score={score} onRated={reload} />
              </section>
              <section className="card" aria-labelledby="evidence-title">
                <h2 id="evidence-title">Evidence</h2>
                <EvidenceList evidence={tension.evidence} />
              </section>
              <section className="card" aria-labelledby="notes-title">
                <h2 id="notes-title">Comments</h2>
                <NotesSection tensionId={tension.id} notes={detail.notes} onAdded={reload} />
              </section>
              {(detail.proposals.length > 0 || detail.decisions.length > 0) && (
                <section className="card card-wide" aria-labelledby="record-title">
                  <h2 id="record-title">Proposals and decisions</h2>
                  {detail.proposals.map((p) => (
                    <ProposalSummary key={p.id} proposal={p} />
                  ))}
                  {detail.decisions.map((d) => (
                    <DecisionSummary key={d.id} decision={d} />
                  ))}
                </section>
              )}
              {waiting && route.routed && route.forum === 'async' && (
                <section className="card card-wide" aria-labelledby="decide-title">
                  <h2 id="decide-title">Decide</h2>
                  <p className="hint">Only {route.who} may decide; anyone else is refused by the server.</p>
                  {result?.proposal && <ProposalSummary proposal={result.proposal} preview={result.preview} />}
                  <OutcomeForm
                    tension={tension}
                    route={route}
                    org={org}
                    submitLabel={route.method === 'consent' || route.method === 'vote' ? 'Propose' : 'Decide'}
                    submit={(body) => callRoute(api, TENSION_ROUTES.decide, { params: { id: tension.id }, body })}
                    onDone={(r) => {
                      setResult(r);
                      reload();
                    }}
                  />
                </section>
              )}
              {waiting && route.routed && route.forum === 'review' && (
                <p className="notice notice-info card-wide">
                  “{tension.type}” tensions are decided in the tension review.{' '}
                  <Link to="/review">Go to the review</Link>.
                </p>
              )}
              <StateChange tensionId={tension.id} state={tension.state} onChanged={reload} />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}

/** Resolve a tension whose gap closed, or reopen one that came back; both need a reason. */
function StateChange({ tensionId, state, onChanged }: { tensionId: string; state: string; onChanged: () => void }) {
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const reasonId = useId();
  const target = state === 'open' || state === 'scheduled' || state === 'decided' ? 'resolved' : 'open';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callRoute(api, TENSION_ROUTES.changeState, {
        params: { id: tensionId },
        body: { state: target, reason: reason.trim() },
      });
      setReason('');
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="state-title">
      <h2 id="state-title">{target === 'resolved' ? 'Resolve' : 'Reopen'}</h2>
      <div className="field">
        <label htmlFor={reasonId}>Reason</label>
        <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions" style={{ marginTop: 12 }}>
        <button
          type="submit"
          className={`button${target === 'resolved' ? '' : ' button-danger'}`}
          disabled={!reason.trim()}
        >
          {target === 'resolved' ? 'Mark resolved' : 'Reopen'}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { DecisionSummary, ProposalSummary } from '../../ui/governance/decision-summary.js';
import { OutcomeForm } from '../../ui/governance/outcome-form.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { REVIEW_ROUTES, type AgendaItem, type DecideResult, type Review } from '../../../../src/model/http/index.js';
import { forgetOrg, type OrgSnapshot } from '../../ui/org/load-org.js';
import { Link } from '../../router/link.js';
import { navigate } from '../../router/navigation.js';
import { useApp } from '../../shell/app-context.js';
import { AgendaItemSurface } from './agenda-item-surface.js';

type Phase = 'surface' | 'decide' | 'update';
const PHASES: { phase: Phase; label: string }[] = [
  { phase: 'surface', label: '1 Surface' },
  { phase: 'decide', label: '2 Decide' },
  { phase: 'update', label: '3 Update' },
];

const settled = (item: AgendaItem) => item.status !== 'pending';

/** A running review, one agenda item at a time: surface the evidence, decide, see what changed; then close it. */
export function ReviewRunner({ review, org, onChanged }: { review: Review; org: OrgSnapshot; onChanged: () => void }) {
  const { api } = useApp();
  const firstOpen = Math.max(
    0,
    review.agenda.findIndex((i) => !settled(i)),
  );
  const [index, setIndex] = useState(firstOpen);
  const [phase, setPhase] = useState<Phase>('surface');
  const [result, setResult] = useState<DecideResult>();
  const [error, setError] = useState<string>();
  const [closing, setClosing] = useState(false);
  const item = review.agenda[index];
  const params = { id: review.id };

  const open = (next: number) => {
    setIndex(next);
    setResult(undefined);
    setPhase(review.agenda[next] && settled(review.agenda[next]) ? 'update' : 'surface');
  };
  const close = async () => {
    setClosing(true);
    setError(undefined);
    try {
      await callRoute(api, REVIEW_ROUTES.close, { params });
      navigate(`/review/${encodeURIComponent(review.id)}`);
    } catch (failure) {
      setError((failure as Error).message);
      setClosing(false);
    }
  };
  const decidedCount = review.agenda.filter(settled).length;

  return (
    <div className="review-layout" data-testid="review-runner">
      <aside aria-labelledby="agenda-title">
        <h2 id="agenda-title">
          Agenda of {review.id}{' '}
          <span className="muted">
            {decidedCount} of {review.agenda.length} settled
          </span>
        </h2>
        <ol className="agenda">
          {review.agenda.map((entry, i) => (
            <li key={entry.tensionId}>
              <button
                type="button"
                className={`agenda-item${settled(entry) ? ' done' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => open(i)}
              >
                <span className="agenda-number">{i + 1}</span>
                <span>
                  <strong>{entry.title}</strong>
                  <span className="tension-card-meta">
                    {entry.tensionId} · {entry.type} · {entry.status}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button button-primary" onClick={close} disabled={closing}>
          {closing ? 'Closing…' : 'Close the review'}
        </button>
        <p className="hint">
          Closing accepts proposals nobody objected to and sends undecided items back to the next review.
        </p>
      </aside>
      <section className="card" aria-labelledby="item-title">
        {!item ? (
          <p className="notice notice-quiet">
            The agenda is empty. Close the review; it is recorded as one with nothing to decide.
          </p>
        ) : (
          <>
            <ol className="phases" aria-label="Steps of this item">
              {PHASES.map((p) => (
                <li key={p.phase} aria-current={phase === p.phase ? 'step' : undefined}>
                  {p.label}
                </li>
              ))}
            </ol>
            <h2 id="item-title" className="item-title">
              {item.tensionId}: {item.title}
            </h2>
            {phase === 'surface' && (
              <>
                <AgendaItemSurface item={item} />
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => setPhase('decide')}
                    disabled={settled(item)}
                  >
                    Decide this item
                  </button>
                </div>
              </>
            )}
            {phase === 'decide' && (
              <>
                <p className="hint">
                  The decider records the outcome; the server refuses anyone else and says who holds the right.
                </p>
                <OutcomeForm
                  key={item.tensionId}
                  tension={{ id: item.tensionId, cells: item.cells }}
                  route={item.route}
                  org={org}
                  submitLabel={
                    item.route.routed && (item.route.method === 'consent' || item.route.method === 'vote')
                      ? 'Propose'
                      : 'Record the decision'
                  }
                  submit={(body) =>
                    callRoute(api, REVIEW_ROUTES.decideItem, { params: { ...params, item: item.tensionId }, body })
                  }
                  onDone={(r) => {
                    forgetOrg();
                    setResult(r);
                    setPhase('update');
                    onChanged();
                  }}
                />
                <button type="button" className="button button-quiet" onClick={() => setPhase('surface')}>
                  Back to the evidence
                </button>
              </>
            )}
            {phase === 'update' && (
              <div className="stack" data-testid="item-update">
                {result?.decision && <DecisionSummary decision={result.decision} />}
                {result?.proposal && <ProposalSummary proposal={result.proposal} preview={result.preview} />}
                {!result && (
                  <p>
                    This item is {item.status}. See{' '}
                    <Link to={`/tensions/${encodeURIComponent(item.tensionId)}`}>{item.tensionId}</Link> for its
                    decision.
                  </p>
                )}
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => {
                      const next = review.agenda.findIndex((e, i) => i > index && !settled(e));
                      if (next >= 0) open(next);
                    }}
                  >
                    Next item
                  </button>
                </div>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

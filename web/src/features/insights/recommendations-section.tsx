import { useId, useState, type FormEvent } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatShare } from '../../ui/format/format-time.js';
import { EvidenceList } from '../../ui/governance/evidence-list.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import {
  INSIGHT_ROUTES,
  RECOMMENDATION_ROUTES,
  RECOMMENDATION_STATES,
  type Recommendation,
  type RecommendationState,
} from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';

/** Suggestions from the log for the owning cell, which accepts (an experiment starts) or dismisses with a reason. */
export function RecommendationsSection({ available, canCheck }: { available: boolean; canCheck: boolean }) {
  const { api } = useApp();
  const [state, setState] = useState<RecommendationState | ''>('open');
  const [message, setMessage] = useState<string>();
  const stateId = useId();
  const [list, reload] = useResource(
    async (signal) => {
      if (!available) return undefined;
      const [items, stats] = await Promise.all([
        callRoute(api, RECOMMENDATION_ROUTES.list, { query: { state: state || undefined } }, { signal }).then(
          (b) => b.recommendations,
        ),
        callRoute(api, RECOMMENDATION_ROUTES.stats, {}, { signal }).catch(() => undefined),
      ]);
      // Newest first, and never more than a screenful: the API lists oldest first.
      return { items: items.slice(-50).reverse(), stats };
    },
    [api, available, state],
  );
  const check = async () => {
    setMessage(undefined);
    try {
      const result = await callRoute(api, INSIGHT_ROUTES.check);
      setMessage(`Checked SLOs and refreshed recommendations: ${result.recommendations.made} new.`);
      reload();
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="recommendations-title">
      <div className="panel-head">
        <h2 id="recommendations-title">Recommendations</h2>
        {available && canCheck && (
          <button
            type="button"
            className="button button-small"
            onClick={check}
            title="Runs the SLO check and refreshes recommendations now (admin)"
          >
            Check now
          </button>
        )}
      </div>
      {!available ? (
        <NotAvailable feature="Recommendations" endpoint={endpointOf(RECOMMENDATION_ROUTES.list)} />
      ) : (
        <>
          <div className="filter-row">
            <div className="field">
              <label htmlFor={stateId}>Show</label>
              <select id={stateId} value={state} onChange={(e) => setState(e.target.value as RecommendationState | '')}>
                <option value="">all</option>
                {RECOMMENDATION_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {message && (
            <p className="notice notice-info" role="status">
              {message}
            </p>
          )}
          <Loaded resource={list} what="recommendations" onRetry={reload}>
            {(data) =>
              !data ? null : (
                <>
                  {data.stats && (
                    <p className="hint">
                      {formatCount(data.stats.made)} made, {formatCount(data.stats.accepted)} accepted,{' '}
                      {formatCount(data.stats.dismissed)} dismissed
                      {data.stats.acceptanceRate !== null && (
                        <> — acceptance rate {formatShare(data.stats.acceptanceRate, 0)}</>
                      )}
                      .
                    </p>
                  )}
                  {data.items.length === 0 ? (
                    <p className="notice notice-quiet">
                      None {state ? `${state} ` : ''}right now. They appear when the log shows a bottleneck, a
                      collaboration past its duration, or a faster variant of a shared template elsewhere.
                    </p>
                  ) : (
                    <ul className="stack-list" data-testid="recommendations">
                      {data.items.map((r) => (
                        <RecommendationItem
                          key={r.id}
                          recommendation={r}
                          onChanged={(text) => {
                            setMessage(text);
                            reload();
                          }}
                        />
                      ))}
                    </ul>
                  )}
                </>
              )
            }
          </Loaded>
        </>
      )}
    </section>
  );
}

function RecommendationItem({
  recommendation: r,
  onChanged,
}: {
  recommendation: Recommendation;
  onChanged: (message: string) => void;
}) {
  const { api } = useApp();
  const [mode, setMode] = useState<'idle' | 'accept' | 'dismiss'>('idle');
  const [move, setMove] = useState(r.move);
  const [metric, setMetric] = useState(r.metric);
  const [reviewDate, setReviewDate] = useState('2w');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const ids = { move: useId(), metric: useId(), review: useId(), reason: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      if (mode === 'accept') {
        const result = await callRoute(api, RECOMMENDATION_ROUTES.accept, {
          params: { id: r.id },
          body: {
            move: move.trim(),
            metric: metric.trim(),
            ...(reviewDate.trim() ? { reviewDate: reviewDate.trim() } : {}),
          },
        });
        onChanged(`Accepted “${r.title}”${result.experiment ? `: experiment ${result.experiment} started` : ''}.`);
      } else {
        await callRoute(api, RECOMMENDATION_ROUTES.dismiss, { params: { id: r.id }, body: { reason: reason.trim() } });
        onChanged(`Dismissed “${r.title}”.`);
      }
      setMode('idle');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <li aria-label={r.title}>
      <p>
        <strong>{r.title}</strong> <span className={`badge state-${r.state}`}>{r.state}</span>{' '}
        <span className="muted">
          for <Link to={`/cells/${encodeURIComponent(r.cell)}`}>{r.cell}</Link> · {r.kind}
        </span>
      </p>
      <p>{r.summary}</p>
      <p className="hint">
        Expected impact: {r.impact.text} Confidence {formatShare(r.confidence, 0)}, based on {formatCount(r.sampleSize)}
        .{r.experiment && <> Experiment {r.experiment}.</>}
        {r.reason && <> Reason: {r.reason}</>}
      </p>
      <details>
        <summary>Evidence</summary>
        <EvidenceList evidence={r.evidence} />
      </details>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {r.state === 'open' && mode === 'idle' && (
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={() => setMode('dismiss')}>
            Dismiss…
          </button>
          <button type="button" className="button button-primary" onClick={() => setMode('accept')}>
            Accept…
          </button>
        </div>
      )}
      {mode !== 'idle' && (
        <form
          className="stack"
          onSubmit={submit}
          aria-label={mode === 'accept' ? `Accept ${r.title}` : `Dismiss ${r.title}`}
        >
          {mode === 'accept' ? (
            <>
              <div className="field">
                <label htmlFor={ids.move}>Move to try</label>
                <textarea id={ids.move} rows={2} value={move} onChange={(e) => setMove(e.target.value)} required />
              </div>
              <div className="field">
                <label htmlFor={ids.metric}>Metric to watch</label>
                <input id={ids.metric} value={metric} onChange={(e) => setMetric(e.target.value)} required />
              </div>
              <div className="field" style={{ maxWidth: 240 }}>
                <label htmlFor={ids.review}>Review the experiment</label>
                <input
                  id={ids.review}
                  value={reviewDate}
                  placeholder="2w or 2026-06-01"
                  onChange={(e) => setReviewDate(e.target.value)}
                />
              </div>
            </>
          ) : (
            <div className="field">
              <label htmlFor={ids.reason}>Why it does not fit</label>
              <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} required />
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button button-quiet" onClick={() => setMode('idle')}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              {mode === 'accept' ? 'Accept as an experiment' : 'Dismiss'}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

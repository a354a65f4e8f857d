import { useId, useState } from 'react';
import { Loaded } from '../../components/loaded.js';
import { NotAvailable } from '../../components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatShare } from '../../format/format-time.js';
import { INSIGHT_ENDPOINTS } from '../../insights/insight-endpoints.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';
import { EvidenceList } from '../../governance/evidence-list.js';
import type { Recommendation } from '../../insights/recommendation-view.js';

/** Suggestions from the log for the owning cell, which accepts (an experiment starts) or dismisses with a reason. */
export function RecommendationsSection({ path }: { path: string | undefined }) {
  const { api } = useApp();
  const [list, reload] = useResource(
    async (signal) => (path ? (await api.get<{ recommendations: Recommendation[] }>(path, { limit: 50 }, { signal })).recommendations : undefined),
    [api, path],
  );
  return (
    <section className="card" aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">Recommendations</h2>
      {!path ? (
        <NotAvailable feature="Recommendations" endpoint={`GET ${INSIGHT_ENDPOINTS.recommendations[0]}`} />
      ) : (
        <Loaded resource={list} what="recommendations" onRetry={reload}>
          {(items) =>
            !items || items.length === 0 ? (
              <p className="notice notice-quiet">No recommendations yet: they appear when the log shows a bottleneck, a breached SLO or a faster variant elsewhere.</p>
            ) : (
              <ul className="stack-list" data-testid="recommendations">
                {items.map((r) => (
                  <RecommendationItem key={r.id} recommendation={r} path={path} onChanged={reload} />
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

function RecommendationItem({ recommendation: r, path, onChanged }: { recommendation: Recommendation; path: string; onChanged: () => void }) {
  const { api } = useApp();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const reasonId = useId();
  const act = async (verb: 'accept' | 'dismiss', body: Record<string, unknown> = {}) => {
    setError(undefined);
    try {
      await api.post(`${path}/${encodeURIComponent(r.id)}/${verb}`, body);
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const open = r.state === undefined || r.state === 'open';
  return (
    <li aria-label={r.title}>
      <p>
        <strong>{r.title}</strong> {r.state && <span className={`badge state-${r.state}`}>{r.state}</span>}{' '}
        {r.cell && (
          <span className="muted">
            for <Link to={`/cells/${encodeURIComponent(r.cell)}`}>{r.cell}</Link>
          </span>
        )}
      </p>
      {r.summary && <p>{r.summary}</p>}
      <p className="hint">
        {r.expectedImpact && <>Expected impact: {r.expectedImpact}. </>}
        {r.confidence !== undefined && <>Confidence {formatShare(r.confidence, 0)}. </>}
        {r.sampleSize !== undefined && <>Based on {formatCount(r.sampleSize)} cases.</>}
      </p>
      {r.evidence && r.evidence.length > 0 && <EvidenceList evidence={r.evidence} />}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <div className="form-actions">
          {dismissing ? (
            <>
              <label htmlFor={reasonId} className="visually-hidden">
                Why dismiss it
              </label>
              <input id={reasonId} value={reason} placeholder="Why it does not fit" onChange={(e) => setReason(e.target.value)} style={{ maxWidth: 360 }} />
              <button type="button" className="button" disabled={!reason.trim()} onClick={() => act('dismiss', { reason: reason.trim() })}>
                Dismiss
              </button>
              <button type="button" className="button button-quiet" onClick={() => setDismissing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button-quiet" onClick={() => setDismissing(true)}>
                Dismiss…
              </button>
              <button type="button" className="button button-primary" onClick={() => act('accept')}>
                Accept as an experiment
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

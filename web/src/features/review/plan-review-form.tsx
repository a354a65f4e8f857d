import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { REVIEW_ROUTES } from '../../../../src/model/http/index.js';
import type { OrgSnapshot } from '../../ui/org/load-org.js';
import { useApp } from '../../shell/app-context.js';

/** Plan the next review: the hosting cell (one with a facilitator) generates the agenda from the evidence. */
export function PlanReviewForm({ org, onPlanned }: { org: OrgSnapshot; onPlanned: () => void }) {
  const { api } = useApp();
  const hosts = org.cells
    .filter((c) => c.spec.members.some((m) => m.roles.includes('facilitator')))
    .map((c) => c.metadata.name);
  const [cell, setCell] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cellId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await callRoute(api, REVIEW_ROUTES.plan, { body: cell ? { cell } : {} });
      onPlanned();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form-card" onSubmit={submit} aria-labelledby="plan-title">
      <h2 id="plan-title">Plan the next review</h2>
      <p className="hint">
        The agenda is generated from the evidence: waiting tensions ranked by score, age and lateness, and whatever is
        due for review.
      </p>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={cellId}>Held by (a cell with a facilitator)</label>
          <select id={cellId} value={cell} onChange={(e) => setCell(e.target.value)}>
            <option value="">the configured host</option>
            {hosts.map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Planning…' : 'Generate the agenda'}
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

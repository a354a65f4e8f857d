import { useId, useState, type FormEvent } from 'react';
import { CellPicker } from '../../ui/components/cell-picker.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { SEVERITIES, TENSION_ROUTES, type Severity } from '../../../../src/model/http/index.js';
import type { OrgSnapshot } from '../../ui/org/load-org.js';
import { navigate } from '../../router/navigation.js';
import { useApp } from '../../shell/app-context.js';

/** Raise a tension: title, type, the cells involved, severity, when it was first seen, and evidence. */
export function RaiseTensionForm({ org, onCancel }: { org: OrgSnapshot; onCancel: () => void }) {
  const { api } = useApp();
  const types = org.organization?.spec.tensionTypes ?? [];
  const cells = org.cells.map((c) => c.metadata.name).sort();
  const [title, setTitle] = useState('');
  const [type, setType] = useState(types[0]?.name ?? '');
  const [involved, setInvolved] = useState<string[]>([]);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [observedAt, setObservedAt] = useState('');
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = {
    title: useId(),
    type: useId(),
    severity: useId(),
    observed: useId(),
    description: useId(),
    evidence: useId(),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (involved.length === 0) {
      setError('Tick at least one cell involved in the tension.');
      return;
    }
    setBusy(true);
    try {
      const detail = await callRoute(api, TENSION_ROUTES.raise, {
        body: {
          title: title.trim(),
          type,
          cells: involved,
          severity,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(observedAt ? { observedAt: new Date(observedAt).toISOString() } : {}),
          ...(evidence.trim()
            ? {
                evidence: evidence
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
              }
            : {}),
        },
      });
      navigate(`/tensions/${encodeURIComponent(detail.tension.id)}`);
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="form-card" onSubmit={submit} aria-labelledby="raise-title">
      <h2 id="raise-title">Raise a tension</h2>
      <div className="form-grid">
        <div className="field" style={{ gridColumn: '1 / -1' }}>
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Name the gap, e.g. Risk scores arrive after credit decisions"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.type}>Type</label>
          <select id={ids.type} value={type} onChange={(e) => setType(e.target.value)} required>
            {types.map((t) => (
              <option key={t.name} value={t.name} title={t.description}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.severity}>Severity</label>
          <select id={ids.severity} value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.observed}>First seen (optional)</label>
          <input
            id={ids.observed}
            type="datetime-local"
            value={observedAt}
            onChange={(e) => setObservedAt(e.target.value)}
          />
        </div>
      </div>
      <CellPicker label="Cells involved" cells={cells} value={involved} onChange={setInvolved} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.description}>Description (optional)</label>
          <textarea id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.evidence}>Evidence (optional, one per line)</label>
          <textarea
            id={ids.evidence}
            value={evidence}
            placeholder={'event:42\nagreement:risk-signals-for-finance\nhttps://…'}
            onChange={(e) => setEvidence(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Raising…' : 'Raise tension'}
        </button>
      </div>
    </form>
  );
}

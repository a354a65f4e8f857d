import { useId, useState, type FormEvent } from 'react';
import { refName, type OrgSnapshot } from '../org/load-org.js';
import { parseFieldValue, readPath, showValue } from './field-path.js';
import {
  OUTCOMES,
  type DecideResult,
  type Outcome,
  type OutcomeInput,
  type Route,
} from '../../../../src/model/http/index.js';
import { outcomeLabel } from './decision-summary.js';

/** Paths people change most in an agreement; any other path can be typed. */
const COMMON_PATHS = [
  'spec.reviewDate',
  'spec.mode',
  'spec.duration',
  'spec.slos[0].within',
  'spec.slos[0].objective',
  'spec.exitCriteria',
  'spec.entryCriteria',
];

interface FieldEdit {
  path: string;
  value: string;
}

/**
 * What to do about a tension: change an agreement (field by field, current value shown), add a guardrail,
 * start an experiment, escalate or drop — with the rationale, the criteria weighed and a review date.
 * The server checks the decision right and says who may decide when the signed-in token may not.
 */
export function OutcomeForm(props: {
  tension: { id: string; cells: readonly string[] };
  route: Route;
  org: OrgSnapshot;
  submitLabel: string;
  submit: (body: OutcomeInput) => Promise<DecideResult>;
  onDone: (result: DecideResult) => void;
}) {
  const { tension, route, org } = props;
  const routed = route.routed;
  const allowed: readonly Outcome[] = routed ? OUTCOMES : ['escalate', 'drop'];
  const concerned = new Set([...tension.cells, ...(routed ? [route.deciderCell] : [])]);
  const agreements = org.agreements.filter(
    (a) => concerned.has(refName(a.spec.provider)) || concerned.has(refName(a.spec.consumer)),
  );
  const criteria = org.organization?.spec.criteria ?? [];

  const [outcome, setOutcome] = useState<Outcome>(allowed[0]!);
  const [rationale, setRationale] = useState('');
  const [chosen, setChosen] = useState<string[]>(routed ? route.criteria : []);
  const [reviewDate, setReviewDate] = useState('');
  const [agreement, setAgreement] = useState(agreements[0]?.metadata.name ?? '');
  const [edits, setEdits] = useState<FieldEdit[]>([{ path: 'spec.reviewDate', value: '' }]);
  const [guardrail, setGuardrail] = useState('');
  const [guardrailSpec, setGuardrailSpec] = useState(
    '{\n  "target": "event",\n  "expression": "",\n  "action": "warn",\n  "message": ""\n}',
  );
  const [move, setMove] = useState('');
  const [metric, setMetric] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const current = agreements.find((a) => a.metadata.name === agreement);

  const body = (): OutcomeInput => {
    const base: OutcomeInput = {
      outcome,
      rationale: rationale.trim(),
      ...(chosen.length ? { criteria: chosen } : {}),
      ...(reviewDate.trim() ? { reviewDate: reviewDate.trim() } : {}),
    };
    switch (outcome) {
      case 'change-agreement':
        return {
          ...base,
          agreement,
          set: Object.fromEntries(
            edits.filter((e) => e.path.trim()).map((e) => [e.path.trim(), parseFieldValue(e.value)]),
          ),
        };
      case 'add-guardrail': {
        const spec: unknown = JSON.parse(guardrailSpec);
        if (typeof spec !== 'object' || spec === null) throw new SyntaxError('The guardrail spec is not an object.');
        return { ...base, guardrail: guardrail.trim(), guardrailSpec: spec };
      }
      case 'experiment':
        return { ...base, move: move.trim(), metric: metric.trim() };
      case 'escalate':
        return { ...base, to, reason: reason.trim() };
      case 'drop':
        return { ...base, reason: reason.trim() };
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    let payload: OutcomeInput;
    try {
      payload = body();
    } catch {
      setError('The guardrail spec is not valid JSON; check quotes and commas.');
      return;
    }
    setBusy(true);
    try {
      props.onDone(await props.submit(payload));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const setEdit = (index: number, patch: Partial<FieldEdit>) =>
    setEdits((list) => list.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <form className="outcome-form stack" onSubmit={submit} aria-label={`Decide ${tension.id}`}>
      <fieldset>
        <legend>Outcome</legend>
        <div className="segmented" role="group" aria-label="Outcome">
          {allowed.map((o) => (
            <button key={o} type="button" aria-pressed={outcome === o} onClick={() => setOutcome(o)}>
              {outcomeLabel(o)}
            </button>
          ))}
        </div>
        {!routed && (
          <p className="hint">
            Nobody holds a decision right for this tension type, so the facilitator may only escalate or drop it.
          </p>
        )}
      </fieldset>

      {outcome === 'change-agreement' &&
        (agreements.length === 0 ? (
          <p className="notice notice-quiet">
            No agreement involves {[...concerned].join(', ')}; choose another outcome.
          </p>
        ) : (
          <fieldset>
            <legend>Agreement change</legend>
            <div className="field">
              <label htmlFor={f('agreement')}>Agreement</label>
              <select id={f('agreement')} value={agreement} onChange={(e) => setAgreement(e.target.value)}>
                {agreements.map((a) => (
                  <option key={a.metadata.name} value={a.metadata.name}>
                    {a.metadata.name} (v{a.version}: {refName(a.spec.provider)} → {refName(a.spec.consumer)})
                  </option>
                ))}
              </select>
            </div>
            <datalist id={f('paths')}>
              {COMMON_PATHS.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
            {edits.map((edit, index) => (
              <div className="field-row" key={index}>
                <div className="field">
                  <label htmlFor={f(`path-${index}`)}>Field</label>
                  <input
                    id={f(`path-${index}`)}
                    list={f('paths')}
                    value={edit.path}
                    onChange={(e) => setEdit(index, { path: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={f(`value-${index}`)}>New value</label>
                  <input
                    id={f(`value-${index}`)}
                    value={edit.value}
                    placeholder={`now: ${showValue(readPath(current, edit.path))}`}
                    onChange={(e) => setEdit(index, { value: e.target.value })}
                  />
                </div>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setEdits((list) => list.filter((_, i) => i !== index))}
                  disabled={edits.length === 1}
                  aria-label={`Remove field ${edit.path || index + 1}`}
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-small"
              onClick={() => setEdits((list) => [...list, { path: '', value: '' }])}
            >
              Change another field
            </button>
            <p className="hint">
              Values are read as JSON when they parse (0.99, ["a","b"]), as text otherwise (4h, 2026-06-01).
            </p>
          </fieldset>
        ))}

      {outcome === 'add-guardrail' && (
        <fieldset>
          <legend>Guardrail</legend>
          <div className="field">
            <label htmlFor={f('guardrail')}>Name</label>
            <input id={f('guardrail')} value={guardrail} onChange={(e) => setGuardrail(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={f('spec')}>Spec (JSON: target, expression, action, message)</label>
            <textarea
              id={f('spec')}
              className="mono"
              rows={6}
              value={guardrailSpec}
              onChange={(e) => setGuardrailSpec(e.target.value)}
            />
          </div>
        </fieldset>
      )}

      {outcome === 'experiment' && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={f('move')}>Move to try</label>
            <input id={f('move')} value={move} onChange={(e) => setMove(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={f('metric')}>Metric to watch</label>
            <input id={f('metric')} value={metric} onChange={(e) => setMetric(e.target.value)} required />
          </div>
        </div>
      )}

      {(outcome === 'escalate' || outcome === 'drop') && (
        <div className="form-grid">
          {outcome === 'escalate' && (
            <div className="field">
              <label htmlFor={f('to')}>Escalate to</label>
              <select id={f('to')} value={to} onChange={(e) => setTo(e.target.value)} required>
                <option value="">Choose a cell</option>
                {org.cells.map((c) => (
                  <option key={c.metadata.name} value={c.metadata.name}>
                    {c.metadata.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={f('reason')}>Reason</label>
            <input id={f('reason')} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
        </div>
      )}

      <div className="field">
        <label htmlFor={f('rationale')}>Rationale</label>
        <textarea
          id={f('rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          placeholder="Why this outcome, by the criteria weighed"
          required={outcome !== 'drop' && outcome !== 'escalate'}
        />
      </div>
      {criteria.length > 0 && (
        <fieldset>
          <legend>Criteria weighed</legend>
          <ul className="check-list">
            {criteria.map((c) => (
              <li key={c.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.name)}
                    onChange={() =>
                      setChosen((list) =>
                        list.includes(c.name) ? list.filter((x) => x !== c.name) : [...list, c.name],
                      )
                    }
                  />{' '}
                  {c.name} <span className="muted">×{c.weight}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="field" style={{ maxWidth: 280 }}>
        <label htmlFor={f('review')}>Review date (optional)</label>
        <input
          id={f('review')}
          value={reviewDate}
          placeholder="2026-06-01 or 2w"
          onChange={(e) => setReviewDate(e.target.value)}
        />
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Recording…' : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

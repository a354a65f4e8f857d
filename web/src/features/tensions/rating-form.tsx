import { useState, type FormEvent } from 'react';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { TENSION_ROUTES, type Score, type TensionDetail } from '../../../../src/model/http/index.js';
import { useApp } from '../../shell/app-context.js';

const SCALE = [0, 1, 2, 3, 4, 5];

/** The score, explained criterion × weight, and a form to rate each criterion 0–5 (radio groups: arrow keys work). */
export function RatingForm({
  tensionId,
  score,
  onRated,
}: {
  tensionId: string;
  score: Score;
  onRated: (detail: TensionDetail) => void;
}) {
  const { api } = useApp();
  const [ratings, setRatings] = useState<Record<string, number>>(() =>
    Object.fromEntries(score.parts.filter((p) => p.rating !== undefined).map((p) => [p.criterion, p.rating!])),
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onRated(await callRoute(api, TENSION_ROUTES.rate, { params: { id: tensionId }, body: { ratings } }));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Rate by the organization's criteria">
      <table className="table score-table">
        <thead>
          <tr>
            <th scope="col">criterion</th>
            <th scope="col">rating (0–5)</th>
            <th scope="col">weight</th>
            <th scope="col">points</th>
          </tr>
        </thead>
        <tbody>
          {score.parts.map((part) => (
            <tr key={part.criterion}>
              <th scope="row">{part.criterion}</th>
              <td>
                <fieldset className="rating">
                  <legend className="visually-hidden">Rating of {part.criterion}</legend>
                  {SCALE.map((n) => {
                    const inputId = `rate-${part.criterion}-${n}`;
                    return (
                      <span key={n}>
                        <input
                          type="radio"
                          id={inputId}
                          name={`rate-${part.criterion}`}
                          checked={ratings[part.criterion] === n}
                          onChange={() => setRatings((r) => ({ ...r, [part.criterion]: n }))}
                        />
                        <label htmlFor={inputId}>{n}</label>
                      </span>
                    );
                  })}
                </fieldset>
              </td>
              <td>×{part.weight}</td>
              <td>{part.rating === undefined ? '–' : part.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" data-testid="score-explanation">
        {score.explanation}
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || Object.keys(ratings).length === 0}>
          {busy ? 'Saving…' : 'Save ratings'}
        </button>
      </div>
    </form>
  );
}

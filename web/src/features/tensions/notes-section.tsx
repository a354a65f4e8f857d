import { useId, useState, type FormEvent } from 'react';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { TENSION_ROUTES } from '../../../../src/model/http/index.js';
import { formatDate } from '../../ui/format/format-time.js';
import type { TensionNote } from '../../../../src/model/index.js';
import { useApp } from '../../shell/app-context.js';

/** Comments and advice, oldest first, with a form to add one. */
export function NotesSection({
  tensionId,
  notes,
  onAdded,
}: {
  tensionId: string;
  notes: readonly TensionNote[];
  onAdded: () => void;
}) {
  const { api } = useApp();
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'comments' | 'advice'>('comments');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const bodyId = useId();
  const kindId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const route = kind === 'advice' ? TENSION_ROUTES.advise : TENSION_ROUTES.comment;
      await callRoute(api, route, { params: { id: tensionId }, body: { body: body.trim() } });
      setBody('');
      onAdded();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {notes.length === 0 ? (
        <p className="hint">No comments yet.</p>
      ) : (
        <ol className="notes" aria-label="Comments and advice">
          {notes.map((note) => (
            <li key={note.id}>
              <p className="hint">
                {note.kind === 'advice' ? <span className="badge">advice</span> : null} {note.author} ·{' '}
                {formatDate(note.createdAt)}
              </p>
              <p>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="stack" aria-label="Add a comment">
        <div className="field">
          <label htmlFor={bodyId}>Your comment</label>
          <textarea id={bodyId} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={4000} />
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <label htmlFor={kindId} className="visually-hidden">
            Kind
          </label>
          <select
            id={kindId}
            value={kind}
            onChange={(e) => setKind(e.target.value as 'comments' | 'advice')}
            style={{ width: 'auto' }}
          >
            <option value="comments">as a comment</option>
            <option value="advice">as advice (advisors)</option>
          </select>
          <button type="submit" className="button" disabled={busy || !body.trim()}>
            {busy ? 'Posting…' : 'Post'}
          </button>
        </div>
      </form>
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';

/** Paste a token; the server decides whose it is. */
export function SignInPage({
  onSignIn,
  message,
}: {
  onSignIn: (token: string) => Promise<void>;
  message?: string | undefined;
}) {
  const [token, setToken] = useState('');
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | undefined>(message);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const helpId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Paste a token first: the admin token `cello serve` printed on its first start, or a cell token.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSignIn(value);
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark" /> Cello
        </p>
        <h1 id="sign-in-title">Sign in to the dashboard</h1>
        <p className="lead">See the organization, its signals, tensions, reviews and insights.</p>
        <label htmlFor={inputId}>Token</label>
        <div className="input-row">
          <input
            id={inputId}
            name="token"
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={helpId}
            aria-invalid={error ? true : undefined}
          />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setShown((s) => !s)}
            aria-pressed={shown}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
        <p id={helpId} className="hint">
          Use the admin token <code>cello serve</code> printed on its first start, or a cell token from{' '}
          <code>cello token create --cell &lt;name&gt;</code>. It is kept in this tab only and forgotten when you close
          it.
        </p>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

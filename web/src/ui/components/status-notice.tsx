import type { ReactNode } from 'react';

/** A calm placeholder while something loads; announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="notice notice-quiet" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** The server's own message, which says what went wrong and what to do. */
export function ErrorNotice({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {error.message}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Shown where a view needs an endpoint this server does not have (yet): never invented data. */
export function NotAvailable({
  feature,
  endpoint,
  children,
}: {
  feature: string;
  endpoint: string;
  children?: ReactNode;
}) {
  return (
    <div className="notice notice-unavailable" role="note">
      <p>
        <strong>{feature}: not available on this server.</strong> It does not offer <code>{endpoint}</code>
        {children ? '; ' : '.'}
        {children}
      </p>
    </div>
  );
}

/** A one-line "nothing here" with a hint of how to get something. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="notice notice-quiet">{children}</p>;
}

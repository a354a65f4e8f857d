import type { ReactNode } from 'react';
import type { Resource } from '../../api/use-resource.js';
import { ErrorNotice, Loading, NotAvailable } from './status-notice.js';

/** Renders a resource's loading, unavailable and error states, and `children(data)` once it is ready. */
export function Loaded<T>(props: {
  resource: Resource<T>;
  what: string;
  feature?: string;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  const { resource, what } = props;
  switch (resource.status) {
    case 'loading':
      return <Loading what={what} />;
    case 'unavailable':
      return <NotAvailable feature={props.feature ?? capitalize(what)} endpoint={resource.endpoint} />;
    case 'error':
      return <ErrorNotice error={resource.error} what={what} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />;
    case 'ready':
      return <>{props.children(resource.data)}</>;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { useCallback, useEffect, useState } from 'react';
import { isUnavailable } from './unavailable-error.js';

/** A value loaded from the API, in one of the four states every view shows. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'unavailable'; endpoint: string }
  | { status: 'error'; error: Error };

/**
 * Loads `load()` when `deps` change and on `reload()`. A slow answer that arrives after the inputs
 * changed is dropped (the signal is aborted), so a view never shows data for the wrong filter.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResource((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: Error) => {
        if (controller.signal.aborted || error.name === 'AbortError') return;
        if (isUnavailable(error))
          setResource({ status: 'unavailable', endpoint: (error as { endpoint?: string }).endpoint ?? error.message });
        else setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource, reload];
}

import { useEffect, useRef, useState } from 'react';
import { callRoute, routeUrl } from '../../../../src/client/isomorphic.js';
import { EVENT_ROUTES, OPERATIONS_ROUTES, type LoggedEvent } from '../../../../src/model/http/index.js';
import type { Api } from '../../api/api.js';
import { prependBounded } from './bounded-list.js';
import { parseStreamEvent } from './stream-event.js';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface StreamFilters {
  /** Exact types or prefixes ending in `.*`, comma-separated. */
  type: string;
  subject: string;
}

/** The newest this many events are kept; older ones fall off the end. */
export const MAX_EVENTS = 200;
/** On connect, replay this many positions of the log before going live, so the list is not empty. */
const BACKLOG = 100;

/**
 * The live event stream (SSE) with server-side filters, as a bounded newest-first list. Renders at most
 * once per animation frame however fast events arrive; while paused, arrivals are counted and held (bounded).
 */
export function useEventStream(api: Api, filters: StreamFilters, paused: boolean) {
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [held, setHeld] = useState(0);
  const pausedRef = useRef(paused);
  const pending = useRef<LoggedEvent[]>([]);
  const heldEvents = useRef<LoggedEvent[]>([]);
  pausedRef.current = paused;

  useEffect(() => {
    if (paused || heldEvents.current.length === 0) return;
    const release = heldEvents.current;
    heldEvents.current = [];
    setHeld(0);
    setEvents((list) => prependBounded(list, release, MAX_EVENTS));
  }, [paused]);

  useEffect(() => {
    let source: EventSource | undefined;
    let frame = 0;
    let cancelled = false;
    setEvents([]);
    setStatus('connecting');
    heldEvents.current = [];
    setHeld(0);
    const flush = () => {
      frame = 0;
      const arrived = pending.current;
      pending.current = [];
      if (pausedRef.current) {
        heldEvents.current = heldEvents.current.concat(arrived).slice(-MAX_EVENTS);
        setHeld((n) => n + arrived.length);
      } else {
        setEvents((list) => prependBounded(list, arrived, MAX_EVENTS));
      }
    };
    const open = (after: number | undefined) => {
      if (cancelled) return;
      // EventSource cannot send headers: the token goes in the query.
      source = new EventSource(
        routeUrl(api, EVENT_ROUTES.stream, {
          query: {
            type: filters.type.replace(/\s+/g, ''),
            subject: filters.subject.trim(),
            after,
            access_token: api.token,
          },
        }),
      );
      source.onopen = () => setStatus('live');
      source.onerror = () => setStatus(source?.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
      source.onmessage = (message) => {
        const event = parseStreamEvent(message.data as string);
        if (!event) return;
        pending.current.push(event);
        if (!frame) frame = requestAnimationFrame(flush);
      };
    };
    // Start a little before the end of the log; /readyz says where the end is.
    callRoute(api, OPERATIONS_ROUTES.readiness).then(
      (body) => open(Math.max(0, body.lastSeq - BACKLOG)),
      () => open(undefined),
    );
    return () => {
      cancelled = true;
      if (frame) cancelAnimationFrame(frame);
      pending.current = [];
      source?.close();
    };
  }, [api, filters.type, filters.subject]);

  return { events, status, held };
}

import { useId, useState, type FormEvent } from 'react';
import { formatDate } from '../../ui/format/format-time.js';
import { useApp } from '../../shell/app-context.js';
import { MAX_EVENTS, useEventStream, type StreamFilters, type StreamStatus } from './use-event-stream.js';
import type { LoggedEvent } from '../../../../src/model/http/index.js';

const STATUS_TEXT: Record<StreamStatus, string> = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
  closed: 'disconnected',
};

/** The SSE stream with type and subject filters (applied by the server), newest first, at most MAX_EVENTS kept. */
export function LiveEvents() {
  const { api } = useApp();
  const [draft, setDraft] = useState<StreamFilters>({ type: '', subject: '' });
  const [filters, setFilters] = useState<StreamFilters>({ type: '', subject: '' });
  const [paused, setPaused] = useState(false);
  const { events, status, held } = useEventStream(api, filters, paused);
  const typeId = useId();
  const subjectId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  return (
    <section className="panel" aria-labelledby="live-title">
      <div className="panel-head">
        <h2 id="live-title">Event stream</h2>
        <span className={`stream-status stream-${status}`} role="status" aria-live="polite" data-testid="stream-status">
          {STATUS_TEXT[status]}
        </span>
      </div>
      <form className="filter-row" onSubmit={apply} aria-label="Filter the stream">
        <div className="field">
          <label htmlFor={typeId}>Type</label>
          <input
            id={typeId}
            value={draft.type}
            placeholder="com.acme.risk.* , exact.type"
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={subjectId}>Subject</label>
          <input
            id={subjectId}
            value={draft.subject}
            placeholder="e.g. order-42"
            onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          />
        </div>
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={paused}
          onClick={() => setPaused((p) => !p)}
        >
          {paused ? `Resume${held > 0 ? ` (${held} new)` : ''}` : 'Pause'}
        </button>
      </form>
      <p className="hint">
        Newest first; the latest {MAX_EVENTS} are kept on screen.{' '}
        {filters.type || filters.subject ? 'Filtered by the server.' : 'Unfiltered.'}
      </p>
      {events.length === 0 ? (
        <p className="notice notice-quiet">
          {status === 'live'
            ? 'Waiting for events… publish one with `cello publish` or POST /v1/events.'
            : 'Connecting to the stream…'}
        </p>
      ) : (
        <ol className="event-list" aria-label="Events, newest first" data-testid="event-list">
          {events.map((event) => (
            <EventRow key={event.seq} event={event} />
          ))}
        </ol>
      )}
    </section>
  );
}

function EventRow({ event }: { event: LoggedEvent }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <li className="event-row">
      <button
        type="button"
        className="event-summary"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="event-seq">#{event.seq}</span>
        <code className="event-type" title={event.type}>
          {event.type}
        </code>
        <span className="event-subject" title={event.subject}>
          {event.subject ?? ''}
        </span>
        <span className="event-time">
          {event.time || event.recordedat ? formatDate(event.time ?? event.recordedat) : ''}
        </span>
      </button>
      {open && (
        <div id={detailsId} className="event-details">
          <p className="hint">
            source <code>{event.source}</code> · id <code>{event.id}</code>
          </p>
          <pre>{previewData(event)}</pre>
        </div>
      )}
    </li>
  );
}

/** Event data, pretty-printed and cut at 4 KB so a huge payload cannot freeze the page. */
function previewData(event: LoggedEvent): string {
  if (event.data === undefined)
    return event.data_base64 ? `(binary data, ${event.data_base64.length} base64 characters)` : '(no data)';
  const text = typeof event.data === 'string' ? event.data : JSON.stringify(event.data, null, 2);
  return text.length > 4096 ? `${text.slice(0, 4096)}\n… (${text.length - 4096} more characters)` : text;
}

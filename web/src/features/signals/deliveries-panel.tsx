import { useCallback, useEffect, useId, useState } from 'react';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { DELIVERY_ROUTES, SUBSCRIPTION_ROUTES, type DeliveryView } from '../../../../src/model/http/index.js';
import { ErrorNotice, Loading } from '../../ui/components/status-notice.js';
import { formatRelative } from '../../ui/format/format-time.js';
import { useApp } from '../../shell/app-context.js';
import { AttemptsTable } from './attempts-table.js';

const PAGE = 50;
/** "Load more" stops here: beyond this, narrow by subscription or status instead. */
const MAX_ROWS = 500;

type StatusFilter = 'all' | 'failed' | 'dead' | 'pending' | 'in_flight' | 'succeeded';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failing or dead' },
  { value: 'dead', label: 'Dead letters' },
  { value: 'pending', label: 'Pending' },
  { value: 'in_flight', label: 'In flight' },
  { value: 'succeeded', label: 'Succeeded' },
];

/** Webhook deliveries, newest first, a page at a time; dead letters can be replayed per subscription. */
export function DeliveriesPanel() {
  const { api } = useApp();
  const [subscriptions, setSubscriptions] = useState<string[]>([]);
  const [subscription, setSubscription] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [rows, setRows] = useState<DeliveryView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [message, setMessage] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const subscriptionId = useId();
  const statusId = useId();

  useEffect(() => {
    callRoute(api, SUBSCRIPTION_ROUTES.list).then(
      (body) => setSubscriptions(body.subscriptions.map((s) => s.metadata.name).sort()),
      () => setSubscriptions([]),
    );
  }, [api]);

  const query = useCallback(
    (before?: string) => ({
      query: {
        limit: PAGE,
        subscription: subscription || undefined,
        status: status === 'all' || status === 'failed' ? undefined : status,
        failed: status === 'failed' ? true : undefined,
        before,
      },
    }),
    [subscription, status],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    callRoute(api, DELIVERY_ROUTES.list, query(), { signal: controller.signal }).then(
      (body) => {
        setRows(body.deliveries);
        setNext(body.next);
        setLoading(false);
      },
      (failure: Error) => {
        if (failure.name === 'AbortError') return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, query, generation]);

  const loadMore = async () => {
    if (!next) return;
    try {
      const body = await callRoute(api, DELIVERY_ROUTES.list, query(next));
      setRows((r) => r.concat(body.deliveries));
      setNext(body.next);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const replay = async (name: string) => {
    setMessage(undefined);
    try {
      const body = await callRoute(api, DELIVERY_ROUTES.replay, { body: { deadLetters: true, subscription: name } });
      setMessage(
        body.queued === 0
          ? `No dead letters of ${name} to replay.`
          : `Queued ${body.queued} dead letter${body.queued === 1 ? '' : 's'} of ${name} for redelivery.`,
      );
      setGeneration((g) => g + 1);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };

  const deadBySubscription = new Map<string, number>();
  for (const row of rows)
    if (row.status === 'dead')
      deadBySubscription.set(row.subscription, (deadBySubscription.get(row.subscription) ?? 0) + 1);

  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <div className="panel-head">
        <h2 id="deliveries-title">Deliveries</h2>
        <button type="button" className="button button-quiet" onClick={() => setGeneration((g) => g + 1)}>
          Refresh
        </button>
      </div>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={subscriptionId}>Subscription</label>
          <select id={subscriptionId} value={subscription} onChange={(e) => setSubscription(e.target.value)}>
            <option value="">All I can see</option>
            {subscriptions.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {message && (
        <p className="notice notice-info" role="status">
          {message}
        </p>
      )}
      {deadBySubscription.size > 0 && (
        <div className="dead-letters" aria-label="Dead letters by subscription">
          {[...deadBySubscription].map(([name, count]) => (
            <p key={name}>
              <strong>{name}</strong>: {count}
              {next ? '+' : ''} dead letter{count === 1 ? '' : 's'} shown{' '}
              <button type="button" className="button button-small" onClick={() => replay(name)}>
                Replay dead letters of {name}
              </button>
            </p>
          ))}
        </div>
      )}
      {loading ? (
        <Loading what="deliveries" />
      ) : error ? (
        <ErrorNotice error={error} what="deliveries" onRetry={() => setGeneration((g) => g + 1)} />
      ) : rows.length === 0 ? (
        <p className="notice notice-quiet">
          No deliveries match. Deliveries appear when an event matches a subscription with a webhook.
        </p>
      ) : (
        <table className="table" data-testid="deliveries">
          <thead>
            <tr>
              <th scope="col">when</th>
              <th scope="col">subscription</th>
              <th scope="col">event</th>
              <th scope="col">status</th>
              <th scope="col">attempts</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <DeliveryRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
      {next && rows.length < MAX_ROWS && (
        <button type="button" className="button" onClick={loadMore}>
          Load {PAGE} more
        </button>
      )}
      {next && rows.length >= MAX_ROWS && (
        <p className="hint">Showing {rows.length}; narrow by subscription or status to see others.</p>
      )}
    </section>
  );
}

function DeliveryRow({ row }: { row: DeliveryView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr>
        <td>{formatRelative(row.createdAt)}</td>
        <td>
          {row.subscription}
          <div className="hint truncate" title={row.target}>
            {row.target}
          </div>
        </td>
        <td>#{row.eventSeq}</td>
        <td>
          <span className={`badge status-${row.status}`}>{row.status.replace('_', ' ')}</span>
          {row.lastError && (
            <div className="hint truncate" title={row.lastError}>
              {row.lastStatusCode ? `${row.lastStatusCode}: ` : ''}
              {row.lastError}
            </div>
          )}
        </td>
        <td>
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {row.attempts} {open ? '(hide)' : '(show)'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="subrow">
          <td colSpan={5}>
            <AttemptsTable delivery={row.id} />
          </td>
        </tr>
      )}
    </>
  );
}

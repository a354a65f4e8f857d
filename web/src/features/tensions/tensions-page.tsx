import { useId, useState } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import {
  TENSION_ROUTES,
  TENSION_STATES,
  type TensionState,
  type TensionView,
} from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { loadOrg } from '../../ui/org/load-org.js';
import { useApp } from '../../shell/app-context.js';
import { RaiseTensionForm } from './raise-tension-form.js';
import { TensionCard } from './tension-card.js';
import { TensionDetailView } from './tension-detail-view.js';

/** Cards per column; the API is asked for this many per state, never for every tension there is. */
const PER_COLUMN = 100;

const COLUMN_TITLES: Record<TensionState, string> = {
  open: 'Open',
  scheduled: 'Scheduled',
  decided: 'Decided',
  resolved: 'Resolved',
  dropped: 'Dropped',
};

/** Tensions by state, or one tension when the path names it. */
export function TensionsPage({ selected }: { selected?: string }) {
  const { capabilities } = useApp();
  if (!capabilities.has(TENSION_ROUTES.list)) {
    return (
      <section className="page">
        <PageHeader title="Tensions" />
        <NotAvailable feature="Tensions" endpoint={endpointOf(TENSION_ROUTES.list)} />
      </section>
    );
  }
  return selected ? <TensionDetailView id={selected} /> : <TensionBoard />;
}

function TensionBoard() {
  const { api, capabilities } = useApp();
  const [raising, setRaising] = useState(false);
  const [cell, setCell] = useState('');
  const [type, setType] = useState('');
  const cellId = useId();
  const typeId = useId();
  const [org] = useResource(() => loadOrg(api), [api]);
  const [board, reload] = useResource(
    async (signal) => {
      const columns = await Promise.all(
        TENSION_STATES.map((state) =>
          callRoute(api, TENSION_ROUTES.list, { query: { state, cell, type, limit: PER_COLUMN } }, { signal }).then(
            (b) => [state, sortColumn(state, b.tensions)] as const,
          ),
        ),
      );
      return new Map(columns);
    },
    [api, cell, type],
  );
  const cells = org.status === 'ready' ? org.data.cells.map((c) => c.metadata.name).sort() : [];
  const types = org.status === 'ready' ? (org.data.organization?.spec.tensionTypes ?? []).map((t) => t.name) : [];
  const canRaise = capabilities.has(TENSION_ROUTES.raise);

  return (
    <section className="page page-wide">
      <PageHeader
        title="Tensions"
        lead="Gaps between what is and what could be, by where they stand. Open a card to rate, comment or decide."
        actions={
          canRaise && (
            <button
              type="button"
              className="button button-primary"
              aria-expanded={raising}
              onClick={() => setRaising((r) => !r)}
            >
              {raising ? 'Close the form' : 'Raise a tension'}
            </button>
          )
        }
      />
      {raising && org.status === 'ready' && <RaiseTensionForm org={org.data} onCancel={() => setRaising(false)} />}
      <div className="filter-row">
        <div className="field">
          <label htmlFor={cellId}>Cell</label>
          <select id={cellId} value={cell} onChange={(e) => setCell(e.target.value)}>
            <option value="">Every cell</option>
            {cells.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={typeId}>Type</label>
          <select id={typeId} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Every type</option>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-quiet" onClick={reload}>
          Refresh
        </button>
      </div>
      <Loaded resource={board} what="tensions" onRetry={reload}>
        {(columns) => (
          <div className="board" data-testid="tension-board">
            {TENSION_STATES.map((state) => {
              const items = columns.get(state) ?? [];
              const headingId = `column-${state}`;
              return (
                <section key={state} className="board-column" aria-labelledby={headingId}>
                  <h2 id={headingId}>
                    {COLUMN_TITLES[state]}{' '}
                    <span className="muted">{items.length === PER_COLUMN ? `${PER_COLUMN}+` : items.length}</span>
                  </h2>
                  {items.length === 0 ? (
                    <p className="hint">None.</p>
                  ) : (
                    <ol>
                      {items.map((item) => (
                        <li key={item.tension.id}>
                          <TensionCard item={item} />
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </Loaded>
    </section>
  );
}

/** Waiting tensions by priority (what the agenda would take first); settled ones by last change. */
function sortColumn(state: TensionState, items: TensionView[]): TensionView[] {
  const sorted = [...items];
  if (state === 'open' || state === 'scheduled') sorted.sort((a, b) => b.priority.total - a.priority.total);
  else sorted.sort((a, b) => b.tension.updatedAt.localeCompare(a.tension.updatedAt));
  return sorted;
}

import { useId, useState, type FormEvent } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { NotAvailable } from '../../ui/components/status-notice.js';
import { useResource } from '../../api/use-resource.js';
import { formatCount, formatDuration, formatShare } from '../../ui/format/format-time.js';
import { callRoute } from '../../../../src/client/isomorphic.js';
import { INSIGHT_ROUTES, type ProcessMap } from '../../../../src/model/http/index.js';
import { endpointOf } from '../../api/capabilities.js';
import { MAX_DRAWN_ARCS } from './collapse-arcs.js';
import type { Measure } from './process-graph.js';
import { useApp } from '../../shell/app-context.js';
import { ProcessMapFlow } from './process-map-flow.js';
import { VariantsTable } from './variants-table.js';

/**
 * The server trims the map to this many variants and arcs: the page never receives the long tail of a big log,
 * and a map of this many arcs still lays out in a blink.
 */
const TOP = MAX_DRAWN_ARCS;

interface Filters {
  types: string;
  from: string;
  workflow: string;
}

/** The live process map over a time window (mined on the server), with its variants and slowest steps. */
export function ProcessMapSection({ available }: { available: boolean }) {
  const { api } = useApp();
  const [draft, setDraft] = useState<Filters>({ types: '', from: '7d', workflow: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [measure, setMeasure] = useState<Measure>('frequency');
  const ids = { types: useId(), from: useId(), workflow: useId() };
  const [map, reload] = useResource(
    async (signal) =>
      available
        ? callRoute(
            api,
            INSIGHT_ROUTES.processMap,
            { query: { type: filters.types, from: filters.from, workflow: filters.workflow, top: TOP } },
            { signal },
          )
        : undefined,
    [api, available, filters],
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };

  return (
    <section className="card" aria-labelledby="process-title">
      <div className="panel-head">
        <h2 id="process-title">Process map</h2>
        {available && (
          <div className="segmented" role="group" aria-label="Label the arcs by">
            <button type="button" aria-pressed={measure === 'frequency'} onClick={() => setMeasure('frequency')}>
              Frequency
            </button>
            <button type="button" aria-pressed={measure === 'performance'} onClick={() => setMeasure('performance')}>
              Performance
            </button>
          </div>
        )}
      </div>
      {!available ? (
        <NotAvailable feature="Process map and variants" endpoint={endpointOf(INSIGHT_ROUTES.processMap)} />
      ) : (
        <>
          <form className="filter-row" onSubmit={apply} aria-label="Which events to mine">
            <div className="field">
              <label htmlFor={ids.types}>Event types</label>
              <input
                id={ids.types}
                value={draft.types}
                placeholder="every type, or com.acme.finance.*"
                onChange={(e) => setDraft({ ...draft, types: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.from}>Since</label>
              <input
                id={ids.from}
                value={draft.from}
                placeholder="7d, or 2026-01-05T00:00:00Z"
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.workflow}>Workflow</label>
              <input
                id={ids.workflow}
                value={draft.workflow}
                placeholder="any"
                onChange={(e) => setDraft({ ...draft, workflow: e.target.value })}
              />
            </div>
            <button type="submit" className="button">
              Mine
            </button>
          </form>
          <Loaded resource={map} what="the process map" onRetry={reload}>
            {(data) =>
              !data || data.summary.cases === 0 ? (
                <p className="notice notice-quiet">
                  No cases in this window. Widen it, or publish events that share a subject (the case id).
                </p>
              ) : (
                <div className="stack">
                  <dl className="stat-row">
                    <div>
                      <dt>cases</dt>
                      <dd>{formatCount(data.summary.cases)}</dd>
                    </div>
                    <div>
                      <dt>events</dt>
                      <dd>{formatCount(data.summary.events)}</dd>
                    </div>
                    <div>
                      <dt>variants</dt>
                      <dd>{formatCount(data.summary.variants)}</dd>
                    </div>
                    <div>
                      <dt>median case</dt>
                      <dd>{formatDuration(data.caseDurations.medianMs)}</dd>
                    </div>
                    <div>
                      <dt>90% of cases within</dt>
                      <dd>{formatDuration(data.caseDurations.p90Ms)}</dd>
                    </div>
                    {data.rework && (
                      <div>
                        <dt>cases with rework</dt>
                        <dd>{formatShare(data.rework.share, 0)}</dd>
                      </div>
                    )}
                  </dl>
                  <ProcessMapFlow map={data} measure={measure} />
                  <div className="two-columns">
                    <VariantsTable variants={data.variants} />
                    <Bottlenecks map={data} />
                  </div>
                </div>
              )
            }
          </Loaded>
        </>
      )}
    </section>
  );
}

function Bottlenecks({ map }: { map: ProcessMap }) {
  const measured = [...map.directlyFollows].sort(
    (a, b) => (b.performance.medianMs ?? 0) - (a.performance.medianMs ?? 0),
  );
  const rows = map.bottlenecks?.length
    ? map.bottlenecks.map((b) => ({ from: b.from, to: b.to, frequency: b.frequency, medianMs: b.medianMs }))
    : measured.map((a) => ({ from: a.from, to: a.to, frequency: a.frequency, medianMs: a.performance.medianMs }));
  return (
    <section aria-labelledby="slow-title">
      <h3 id="slow-title">Where work waits</h3>
      {rows.length === 0 ? (
        <p className="hint">No step has been measured yet: a wait needs two events of the same case.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">from → to</th>
              <th scope="col" className="num">
                times
              </th>
              <th scope="col" className="num">
                median wait
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 8).map((r) => (
              <tr key={`${r.from}→${r.to}`}>
                <td>
                  <code>{r.from}</code> → <code>{r.to}</code>
                </td>
                <td className="num">{formatCount(r.frequency)}</td>
                <td className="num">{formatDuration(r.medianMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

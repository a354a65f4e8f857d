import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { Loaded } from '../../ui/components/loaded.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { useResource } from '../../api/use-resource.js';
import { INSIGHT_ROUTES } from '../../../../src/model/http/index.js';
import { loadAgreementHealth } from '../../ui/org/agreement-health.js';
import { loadOrg } from '../../ui/org/load-org.js';
import { buildOrgGraph, type OrgGraph } from '../../ui/org/org-graph.js';
import { useApp } from '../../shell/app-context.js';
import { CellDirectory } from './cell-directory.js';
import { EventTypeTable } from './event-type-table.js';
import { MapLegend } from './map-legend.js';
import { OrgFlow } from './org-flow.js';

/** The organization at a glance: who owns what, who depends on whom, and how those agreements are doing. */
export function MapPage() {
  const { api, capabilities } = useApp();
  const [fresh, setFresh] = useState(0);
  const [org, reload] = useResource(
    async (signal) => {
      const [snapshot, health] = await Promise.all([
        loadOrg(api, { fresh: fresh > 0 }),
        loadAgreementHealth(api, capabilities, signal).catch(() => undefined),
      ]);
      return { snapshot, health, graph: buildOrgGraph(snapshot, health) };
    },
    [api, capabilities, fresh],
  );
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  const filterId = useId();

  const purpose = org.status === 'ready' ? org.data.snapshot.organization?.spec.purpose : undefined;
  return (
    <section className="page page-wide map-page">
      <PageHeader
        title="Organization map"
        lead={purpose ?? 'Cells grouped by the domain they own; arrows are agreements from provider to consumer.'}
        actions={
          <button type="button" className="button" onClick={() => setFresh((f) => f + 1)}>
            Refresh
          </button>
        }
      />
      <Loaded resource={org} what="the organization" onRetry={reload}>
        {({ graph, health }) =>
          graph.groups.length === 0 ? (
            <p className="notice notice-quiet">
              No cells are applied yet. Apply an organization with <code>cello apply examples/acme</code> or start the
              server with <code>--org</code>.
            </p>
          ) : (
            <div className="map-layout">
              <aside className="map-side" aria-label="Cells and event types">
                <label htmlFor={filterId}>Find a cell or event type</label>
                <input
                  id={filterId}
                  type="search"
                  value={filter}
                  placeholder="e.g. risk, com.acme.demand"
                  onChange={(e) => setFilter(e.target.value)}
                />
                <MapSummary graph={graph} />
                <MapLegend healthMeasured={health !== undefined} sloEndpoint={INSIGHT_ROUTES.slos.url} />
                <CellDirectory graph={graph} filter={deferred} />
                <EventTypeTable graph={graph} filter={deferred} onShowOwner={setFilter} />
              </aside>
              <FilteredFlow graph={graph} filter={deferred} />
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

function FilteredFlow({ graph, filter }: { graph: OrgGraph; filter: string }) {
  const matches = useCallback(
    (name: string) => {
      if (!filter) return true;
      const cell = graph.groups.flatMap((g) => g.cells).find((c) => c.name === name);
      if (!cell) return false;
      return [cell.name, cell.title, cell.purpose, ...cell.domains, ...cell.eventTypes].some((text) =>
        text.toLowerCase().includes(filter),
      );
    },
    [graph, filter],
  );
  return <OrgFlow graph={graph} matches={matches} filtering={filter !== ''} />;
}

function MapSummary({ graph }: { graph: OrgGraph }) {
  const cells = useMemo(() => graph.groups.reduce((n, g) => n + g.cells.length, 0), [graph]);
  return (
    <dl className="stat-row" aria-label="Organization in numbers">
      <div>
        <dt>cells</dt>
        <dd>{cells}</dd>
      </div>
      <div>
        <dt>domains</dt>
        <dd>{graph.domainCount}</dd>
      </div>
      <div>
        <dt>agreements</dt>
        <dd>{graph.edges.length}</dd>
      </div>
      <div>
        <dt>event types</dt>
        <dd>{graph.eventTypes.length}</dd>
      </div>
    </dl>
  );
}

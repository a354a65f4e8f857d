import { Loaded } from '../../ui/components/loaded.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { useResource } from '../../api/use-resource.js';
import { NotFoundError } from '../../../../src/client/isomorphic.js';
import { formatDate } from '../../ui/format/format-time.js';
import { loadAgreementHealth } from '../../ui/org/agreement-health.js';
import { loadOrg } from '../../ui/org/load-org.js';
import { Link } from '../../router/link.js';
import { useApp } from '../../shell/app-context.js';
import { CellAgreements } from './cell-agreements.js';
import { CellMetrics } from './cell-metrics.js';
import { CellOffers } from './cell-offers.js';
import { CellSubscriptions } from './cell-subscriptions.js';
import { CellWorkflows } from './cell-workflows.js';

/** One cell: what it is for, who is in it, what it offers and expects, and how its agreements are doing. */
export function CellPage({ name }: { name: string }) {
  const { api, capabilities } = useApp();
  const [resource, reload] = useResource(
    async (signal) => {
      const [org, health] = await Promise.all([
        loadOrg(api),
        loadAgreementHealth(api, capabilities, signal).catch(() => undefined),
      ]);
      const cell = org.cells.find((c) => c.metadata.name === name);
      if (!cell) throw new NotFoundError(`There is no cell "${name}" in the applied organization.`);
      return { org, cell, health };
    },
    [api, capabilities, name],
  );
  const title = resource.status === 'ready' ? (resource.data.cell.metadata.title ?? name) : name;
  return (
    <section className="page cell-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/map">Map</Link> <span aria-hidden="true">/</span> <span>cell:{name}</span>
      </nav>
      <PageHeader
        title={title}
        lead={resource.status === 'ready' ? resource.data.cell.spec.purpose : undefined}
        actions={
          resource.status === 'ready' ? (
            <span className={`badge cell-type-${resource.data.cell.spec.type}`}>{resource.data.cell.spec.type}</span>
          ) : undefined
        }
      />
      <Loaded resource={resource} what={`cell ${name}`} onRetry={reload}>
        {({ org, cell, health }) => (
          <div className="card-grid">
            <section className="card" aria-labelledby="members-title">
              <h2 id="members-title">Members</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">name</th>
                    <th scope="col">roles</th>
                  </tr>
                </thead>
                <tbody>
                  {cell.spec.members.map((m) => (
                    <tr key={m.name}>
                      <td>
                        {m.name}
                        {m.email && <span className="muted"> · {m.email}</span>}
                      </td>
                      <td>{m.roles.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">
                Domains owned: {(cell.spec.domains ?? []).length === 0 ? 'none' : (cell.spec.domains ?? []).join(', ')}.
                Manifest version {cell.version}, applied {formatDate(cell.appliedAt)}.
              </p>
            </section>
            <CellOffers cell={cell} />
            <CellAgreements org={org} cell={name} health={health} />
            <CellSubscriptions org={org} cell={name} />
            <CellWorkflows org={org} cell={name} />
            <CellMetrics cell={name} org={org} health={health} />
          </div>
        )}
      </Loaded>
    </section>
  );
}

import { callRoute } from '../../../../src/client/isomorphic.js';
import { WORKFLOW_ROUTES } from '../../../../src/model/http/index.js';
import { useResource } from '../../api/use-resource.js';
import type { OrgSnapshot } from '../../ui/org/load-org.js';
import { refName } from '../../ui/org/load-org.js';
import { useApp } from '../../shell/app-context.js';

/** The cell's adaptations of shared templates, and how their instances stand when this server runs workflows. */
export function CellWorkflows({ org, cell }: { org: OrgSnapshot; cell: string }) {
  const { api, capabilities } = useApp();
  const live = capabilities.has(WORKFLOW_ROUTES.list);
  const [summaries] = useResource(
    async (signal) => (live ? (await callRoute(api, WORKFLOW_ROUTES.list, {}, { signal })).workflows : undefined),
    [api, live],
  );
  const byName = new Map((summaries.status === 'ready' ? (summaries.data ?? []) : []).map((w) => [w.name, w]));
  const mine = org.workflows.filter((w) => refName(w.spec.cell) === cell);
  return (
    <section className="card" aria-labelledby="workflows-title">
      <h2 id="workflows-title">Workflows</h2>
      {mine.length === 0 ? (
        <p className="hint">This cell runs no workflow.</p>
      ) : (
        <ul className="stack-list">
          {mine.map((w) => {
            const o = w.spec.overrides;
            const changes = (o?.add?.length ?? 0) + (o?.replace?.length ?? 0) + (o?.remove?.length ?? 0);
            const summary = byName.get(w.metadata.name);
            const counts = Object.entries(summary?.instances ?? {}).filter(([, n]) => n > 0);
            return (
              <li key={w.metadata.name}>
                <p>
                  <strong>{w.metadata.title ?? w.metadata.name}</strong>{' '}
                  <span className="muted">from {w.spec.from}</span>{' '}
                  {summary && !summary.runnable && <span className="badge status-dead">not runnable</span>}
                  {summary?.version && summary.newestVersion && summary.newestVersion > summary.version && (
                    <span className="badge status-pending">template v{summary.newestVersion} available</span>
                  )}
                </p>
                <p className="hint">
                  {changes === 0
                    ? 'Runs the template as it is'
                    : `${changes} step change${changes === 1 ? '' : 's'} to the template`}
                  {w.spec.parameters && Object.keys(w.spec.parameters).length > 0
                    ? `; parameters ${Object.entries(w.spec.parameters)
                        .map(([k, v]) => `${k}=${String(v)}`)
                        .join(', ')}`
                    : ''}
                </p>
                {summary && (
                  <p className="hint">
                    Instances:{' '}
                    {counts.length === 0 ? 'none yet' : counts.map(([state, n]) => `${n} ${state}`).join(', ')}
                    {summary.guardrails.map((g) => ` · guardrail ${g.guardrail}: ${g.outcome}`)}
                  </p>
                )}
                {summary?.problems.map((p) => (
                  <p key={p.message} className="hint">
                    {p.severity}: {p.message}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {!live && <p className="hint">Workflow instances: not available on this server.</p>}
    </section>
  );
}

import type { WorkflowSummary } from '../../model/index.js';
import { createTemplateCatalog } from '../resolve/template-catalog.js';
import type { InstanceState } from '../workflow-tables.js';
import type { WorkflowRegistry } from './workflow-registry.js';

export type { WorkflowSummary } from '../../model/index.js';

/** Summaries of every Workflow manifest, runnable or not, with instance counts. */
export function summarizeWorkflows(
  registry: WorkflowRegistry,
  counts: Record<string, Partial<Record<InstanceState, number>>>,
): WorkflowSummary[] {
  const catalog = createTemplateCatalog(registry.manifests);
  return registry.check.workflows.map(({ manifest, resolution, verdicts, runnable }) => {
    const resolved = resolution.workflow;
    const templateName = manifest.spec.from.slice('template:'.length).replace(/@\d+$/, '');
    return {
      name: manifest.metadata.name,
      cell: manifest.spec.cell.slice('cell:'.length),
      from: manifest.spec.from,
      template: templateName,
      version: resolution.template?.spec.version ?? null,
      newestVersion: catalog.newest(templateName)?.spec.version ?? null,
      runnable,
      parameters: resolved?.parameters ?? {},
      steps: (resolved?.steps ?? []).map(({ step, source }) => ({
        id: step.id,
        mode: step.mode,
        source,
        waitsFor: step.on?.type ?? null,
        timeout: step.timeout?.after ?? null,
      })),
      removed: resolved?.removed ?? [],
      problems: resolution.problems.map(({ code, severity, message }) => ({ code, severity, message })),
      guardrails: verdicts.map(({ guardrail, action, outcome, message }) => ({ guardrail, action, outcome, message })),
      instances: counts[manifest.metadata.name] ?? {},
    };
  });
}

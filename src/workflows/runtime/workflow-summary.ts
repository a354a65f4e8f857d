import type { GuardrailVerdict } from '../guardrails/check-workflow-guardrails.js';
import type { ResolutionProblem } from '../resolve/resolution-problem.js';
import { createTemplateCatalog } from '../resolve/template-catalog.js';
import type { InstanceState } from '../workflow-tables.js';
import type { WorkflowRegistry } from './workflow-registry.js';

/** A workflow as `GET /v1/workflows` shows it. */
export interface WorkflowSummary {
  name: string;
  cell: string;
  /** `template:case-handling@2`, as the manifest says. */
  from: string;
  template: string;
  version: number | null;
  newestVersion: number | null;
  /** False when it does not resolve or a deny guardrail refuses it: then it does not run. */
  runnable: boolean;
  parameters: Record<string, string | number | boolean>;
  steps: { id: string; mode: 'fixed' | 'adaptable'; source: string; waitsFor: string | null; timeout: string | null }[];
  removed: string[];
  problems: Pick<ResolutionProblem, 'code' | 'severity' | 'message'>[];
  guardrails: Pick<GuardrailVerdict, 'guardrail' | 'action' | 'outcome' | 'message'>[];
  instances: Partial<Record<InstanceState, number>>;
}

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

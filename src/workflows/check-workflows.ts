import type { Manifest, ManifestOf } from '../model/index.js';
import { checkWorkflowGuardrails, type GuardrailVerdict } from './guardrails/check-workflow-guardrails.js';
import { checkTemplate } from './resolve/check-template.js';
import type { ResolutionProblem } from './resolve/resolution-problem.js';
import { resolveWorkflow, type Resolution } from './resolve/resolve-workflow.js';
import { createTemplateCatalog, type TemplateManifest, type WorkflowManifest } from './resolve/template-catalog.js';

/** One workflow's resolution and the guardrails it does not meet. */
export interface WorkflowCheck {
  manifest: WorkflowManifest;
  resolution: Resolution;
  verdicts: GuardrailVerdict[];
  /** True when it resolved and no deny guardrail refuses it: the engine runs it. */
  runnable: boolean;
}

export interface WorkflowsCheck {
  templates: { manifest: TemplateManifest; problems: ResolutionProblem[] }[];
  workflows: WorkflowCheck[];
}

/** Checks every template version and resolves every workflow of an organization, then applies the workflow guardrails. */
export function checkWorkflows(manifests: readonly Manifest[]): WorkflowsCheck {
  const catalog = createTemplateCatalog(manifests);
  const guardrails = manifests.filter(
    (m): m is ManifestOf<'Guardrail'> => m.kind === 'Guardrail' && m.spec.target === 'workflows',
  );
  const templates = manifests
    .filter((m): m is TemplateManifest => m.kind === 'Template')
    .map((manifest) => ({ manifest, problems: checkTemplate(manifest) }));
  const workflows = manifests
    .filter((m): m is WorkflowManifest => m.kind === 'Workflow')
    .map((manifest) => {
      const resolution = resolveWorkflow(manifest, catalog);
      const verdicts = resolution.workflow ? checkWorkflowGuardrails(resolution.workflow, manifest, guardrails) : [];
      const denied = verdicts.some((v) => v.action === 'deny' && v.outcome === 'violated');
      return { manifest, resolution, verdicts, runnable: resolution.workflow !== undefined && !denied };
    });
  return { templates, workflows };
}

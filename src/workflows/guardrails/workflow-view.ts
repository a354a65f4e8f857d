import type { ResolvedWorkflow } from '../resolve/resolve-workflow.js';

/** One step as a guardrail sees it. */
export interface GuardrailStepView {
  id: string;
  mode: 'fixed' | 'adaptable';
  /** `template`, `added` or `replaced`. */
  source: string;
  /** The event type it waits for, or "" when it runs at once. */
  waitsFor: string;
  /** The kinds of its actions: `emit`, `webhook`, `task`, `set`, `branch`, `raiseTension`, `complete`. */
  actions: string[];
}

/**
 * What a `target: workflows` guardrail sees as `workflow`: plain lists and maps, so expressions stay short,
 * e.g. `workflow.template != "credit-approval" || "risk-check" in workflow.stepIds` or
 * `workflow.steps.exists(s, s.id == "risk-check" && s.mode == "fixed")`.
 */
export interface WorkflowGuardrailView {
  name: string;
  cell: string;
  template: string;
  version: number;
  parameters: Record<string, string | number | boolean>;
  /** The steps in the order they run. */
  steps: GuardrailStepView[];
  /** Their ids, for `"risk-check" in workflow.stepIds`. */
  stepIds: string[];
  removedSteps: string[];
  replacedSteps: string[];
  addedSteps: string[];
}

/** The guardrail view of a resolved workflow. */
export function workflowGuardrailView(workflow: ResolvedWorkflow): WorkflowGuardrailView {
  return {
    name: workflow.name,
    cell: workflow.cell,
    template: workflow.template.name,
    version: workflow.template.version,
    parameters: workflow.parameters,
    steps: workflow.steps.map(({ step, source }) => ({
      id: step.id,
      mode: step.mode,
      source,
      waitsFor: step.on?.type ?? '',
      actions: step.do.map((a) => Object.keys(a)[0]!),
    })),
    stepIds: workflow.steps.map((s) => s.step.id),
    removedSteps: workflow.removed,
    replacedSteps: workflow.replaced,
    addedSteps: workflow.added,
  };
}

/**
 * Workflows: templates adapted by cells, resolved and checked against guardrails (pure), drift and upgrade
 * proposals (pure), and the durable runtime (instances, timers, tasks, webhook outbox). See ARCHITECTURE.md.
 */
export { workflowsModule } from './workflows-module.js';
export {
  createTemplateCatalog,
  templateKey,
  type TemplateCatalog,
  type TemplateManifest,
  type WorkflowManifest,
} from './resolve/template-catalog.js';
export { resolveWorkflow, type ResolvedWorkflow, type Resolution } from './resolve/resolve-workflow.js';
export { checkTemplate } from './resolve/check-template.js';
export { applyOverrides, type PlacedStep, type StepSource } from './resolve/step-overrides.js';
export { resolveParameterValues, parameterValueProblem, type ParameterValue } from './resolve/parameter-values.js';
export { STEP_VARIABLES, START_VARIABLES } from './resolve/expression-sites.js';
export type { ResolutionProblem } from './resolve/resolution-problem.js';
export { checkWorkflowGuardrails, type GuardrailVerdict } from './guardrails/check-workflow-guardrails.js';
export {
  workflowGuardrailView,
  type GuardrailStepView,
  type WorkflowGuardrailView,
} from './guardrails/workflow-view.js';
export { checkWorkflows, type WorkflowCheck, type WorkflowsCheck } from './check-workflows.js';
export {
  WORKFLOW_LINT_RULES,
  templateStepsRule,
  workflowGuardrailRule,
  workflowResolutionRule,
} from './lint/workflow-lint-rules.js';
export { diffSteps, type StepChange } from './drift/step-diff.js';
export { mergeSteps, type MergeConflict, type MergeResult } from './drift/three-way-merge.js';
export {
  driftReport,
  workflowDrift,
  type ParameterDrift,
  type UpgradeProposal,
  type WorkflowDrift,
} from './drift/workflow-drift.js';
export { upgradeNotices } from './drift/upgrade-notices.js';
export {
  createWorkflowEngine,
  DEFAULT_WORKFLOW_ENGINE_OPTIONS,
  CURSOR_NAME,
  type WorkflowEngine,
  type WorkflowEngineOptions,
} from './runtime/workflow-engine.js';
export type { InstanceView, InstanceDetail, InstanceFilter, HistoryEntry } from './runtime/instance-queries.js';
export type { TaskView, TaskFilter } from './runtime/task-service.js';
export type { WorkflowSummary } from './runtime/workflow-summary.js';
export {
  INSTANCE_STATES,
  TASK_STATES,
  type InstanceState,
  type TaskState,
  type WorkflowTables,
} from './workflow-tables.js';
export { workflowsRuntime as workflowsMigration } from './migrations/20261121-0500-workflows-runtime.js';

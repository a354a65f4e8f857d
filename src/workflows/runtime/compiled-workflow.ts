import { compileExpression, type Action, type CompiledExpression } from '../../model/index.js';
import { parseDuration } from '../../shared/index.js';
import { START_VARIABLES, STEP_VARIABLES } from '../resolve/expression-sites.js';
import type { ResolvedWorkflow } from '../resolve/resolve-workflow.js';
import type { StepSource } from '../resolve/step-overrides.js';

/** An action with its expressions compiled and its durations in milliseconds. */
export type CompiledAction =
  | { kind: 'emit'; type: string; data: [string, CompiledExpression][] }
  | { kind: 'webhook'; url: string; body: [string, CompiledExpression][] | undefined }
  | { kind: 'task'; cell: string; title: string; dueMs: number | undefined }
  | { kind: 'set'; entries: [string, CompiledExpression][] }
  | { kind: 'branch'; cases: { when: CompiledExpression; goto: string }[] }
  | { kind: 'raiseTension'; type: string; title: string; cells: string[] }
  | { kind: 'complete' };

export interface CompiledStep {
  id: string;
  index: number;
  mode: 'fixed' | 'adaptable';
  source: StepSource;
  /** The event type it waits for; undefined when it runs as soon as it is reached. */
  waitsFor: string | undefined;
  condition: CompiledExpression | undefined;
  actions: CompiledAction[];
  timeout: { ms: number; actions: CompiledAction[] } | undefined;
  idempotentSafe: boolean;
}

/** A runnable workflow: resolved, checked against guardrails, and compiled once per apply. */
export interface CompiledWorkflow {
  name: string;
  cell: string;
  /** `case-handling@2` */
  template: string;
  params: Record<string, string | number | boolean>;
  startType: string;
  startCondition: CompiledExpression | undefined;
  caseId: CompiledExpression | undefined;
  steps: CompiledStep[];
  stepIndex: ReadonlyMap<string, number>;
  /** Every event type it reacts to: the start type and the types steps wait for. */
  types: ReadonlySet<string>;
  /** Its resolved form, for the API. */
  resolved: ResolvedWorkflow;
}

/** Compiles a resolved workflow. Resolution already validated it, so this does not fail on valid input. */
export function compileWorkflow(resolved: ResolvedWorkflow): CompiledWorkflow {
  const where = (path: string) => `Workflow/${resolved.name} ${path}`;
  const compile = (source: string, path: string, variables: readonly string[] = STEP_VARIABLES) =>
    compileExpression(source, { variables, where: where(path) });
  const steps = resolved.steps.map(({ step, source }, index): CompiledStep => {
    const at = `step "${step.id}"`;
    const actions = (list: readonly Action[], path: string) =>
      list.map((a, i) => compileAction(a, `${at} ${path}[${i}]`, compile));
    return {
      id: step.id,
      index,
      mode: step.mode,
      source,
      waitsFor: step.on?.type,
      condition: step.on?.condition ? compile(step.on.condition, `${at} on.condition`) : undefined,
      actions: actions(step.do, 'do'),
      timeout: step.timeout
        ? {
            ms: parseDuration(step.timeout.after, `${at} timeout.after`),
            actions: actions(step.timeout.then, 'timeout.then'),
          }
        : undefined,
      idempotentSafe: step.idempotentSafe === true,
    };
  });
  return {
    name: resolved.name,
    cell: resolved.cell,
    template: resolved.template.key,
    params: resolved.parameters,
    startType: resolved.start.type,
    startCondition: resolved.start.condition
      ? compile(resolved.start.condition, 'start.condition', START_VARIABLES)
      : undefined,
    caseId: resolved.caseId ? compile(resolved.caseId, 'caseId', START_VARIABLES) : undefined,
    steps,
    stepIndex: new Map(steps.map((s) => [s.id, s.index])),
    types: new Set([resolved.start.type, ...steps.flatMap((s) => (s.waitsFor ? [s.waitsFor] : []))]),
    resolved,
  };
}

function compileAction(
  action: Action,
  path: string,
  compile: (source: string, path: string) => CompiledExpression,
): CompiledAction {
  const entries = (values: Record<string, string> | undefined, field: string) =>
    Object.entries(values ?? {}).map(([key, source]): [string, CompiledExpression] => [
      key,
      compile(source, `${path}.${field}.${key}`),
    ]);
  if ('emit' in action) return { kind: 'emit', type: action.emit.type, data: entries(action.emit.data, 'emit.data') };
  if ('webhook' in action)
    return {
      kind: 'webhook',
      url: action.webhook.url,
      body: action.webhook.body ? entries(action.webhook.body, 'webhook.body') : undefined,
    };
  if ('task' in action) {
    const { task } = action;
    return {
      kind: 'task',
      cell: task.cell.slice('cell:'.length),
      title: task.title,
      dueMs: task.due ? parseDuration(task.due, `${path}.task.due`) : undefined,
    };
  }
  if ('set' in action) return { kind: 'set', entries: entries(action.set, 'set') };
  if ('branch' in action)
    return {
      kind: 'branch',
      cases: action.branch.map((b, i) => ({ when: compile(b.when, `${path}.branch[${i}].when`), goto: b.goto })),
    };
  if ('raiseTension' in action) {
    const { raiseTension } = action;
    return {
      kind: 'raiseTension',
      type: raiseTension.type,
      title: raiseTension.title,
      cells: (raiseTension.cells ?? []).map((c) => c.slice('cell:'.length)),
    };
  }
  // `complete: false` is allowed by the schema and does nothing.
  return action.complete ? { kind: 'complete' } : { kind: 'set', entries: [] };
}

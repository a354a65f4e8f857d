import type { Action, Step } from '../../model/index.js';

/** What step expressions may read: the triggering event, parameter values, case variables and the instance. */
export const STEP_VARIABLES = ['event', 'params', 'vars', 'instance'] as const;
/** What the start condition and the case id expression may read. */
export const START_VARIABLES = ['event', 'params'] as const;

/** One CEL expression inside a step, with its path relative to the step. */
export interface StepExpression {
  path: (string | number)[];
  source: string;
}

/** Every CEL expression of a step: its condition, and the expressions of its actions and timeout actions. */
export function stepExpressions(step: Step): StepExpression[] {
  const out: StepExpression[] = [];
  if (step.on?.condition) out.push({ path: ['on', 'condition'], source: step.on.condition });
  step.do.forEach((action, i) => out.push(...actionExpressions(action, ['do', i])));
  step.timeout?.then.forEach((action, i) => out.push(...actionExpressions(action, ['timeout', 'then', i])));
  return out;
}

function actionExpressions(action: Action, base: (string | number)[]): StepExpression[] {
  const map = (values: Record<string, string> | undefined, path: string[]) =>
    Object.entries(values ?? {}).map(([key, source]) => ({ path: [...base, ...path, key], source }));
  if ('emit' in action) return map(action.emit.data, ['emit', 'data']);
  if ('webhook' in action) return map(action.webhook.body, ['webhook', 'body']);
  if ('set' in action) return map(action.set, ['set']);
  if ('branch' in action)
    return action.branch.map((b, i) => ({ path: [...base, 'branch', i, 'when'], source: b.when }));
  return [];
}

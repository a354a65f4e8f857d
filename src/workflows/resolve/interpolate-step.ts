import type { Action, Step } from '../../model/index.js';
import type { ParameterValue } from './parameter-values.js';
import { problem, type ResolutionProblem } from './resolution-problem.js';
import type { PlacedStep } from './step-overrides.js';

const REFERENCE = /\$\{([^}]*)\}/g;

/** Every `${name}` a text refers to. */
export function parameterReferences(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[1]!.trim());
}

/**
 * Replaces `${name}` in a step's text fields (description, timeout.after, webhook.url, task title and due,
 * tension title) with parameter values. CEL expressions are left alone: they read parameters as `params.name`.
 * A reference to an undeclared parameter is a problem located at the field.
 */
export function interpolateStep(
  placed: PlacedStep,
  declared: ReadonlySet<string>,
  values: Readonly<Record<string, ParameterValue>>,
): { step: Step; problems: ResolutionProblem[] } {
  const problems: ResolutionProblem[] = [];
  const base = placed.origin.path;
  const text = (value: string, path: (string | number)[]): string =>
    value.replace(REFERENCE, (whole, raw: string) => {
      const name = raw.trim();
      if (!declared.has(name)) {
        problems.push(
          problem(
            'unknown-reference',
            placed.origin.in,
            [...base, ...path],
            `Step "${placed.step.id}" refers to \${${name}}, but the template declares no parameter "${name}".`,
            declared.size
              ? `use one of ${[...declared].map((d) => `\${${d}}`).join(', ')}`
              : 'declare the parameter under spec.parameters',
          ),
        );
        return whole;
      }
      return name in values ? String(values[name]) : whole;
    });
  const actions = (list: readonly Action[], path: (string | number)[]): Action[] =>
    list.map((action, i) => interpolateAction(action, (value, field) => text(value, [...path, i, ...field])));
  const { step } = placed;
  return {
    step: {
      ...step,
      ...(step.description !== undefined ? { description: text(step.description, ['description']) } : {}),
      do: actions(step.do, ['do']),
      ...(step.timeout
        ? {
            timeout: {
              after: text(step.timeout.after, ['timeout', 'after']),
              then: actions(step.timeout.then, ['timeout', 'then']),
            },
          }
        : {}),
    },
    problems,
  };
}

function interpolateAction(action: Action, text: (value: string, path: (string | number)[]) => string): Action {
  if ('webhook' in action) return { webhook: { ...action.webhook, url: text(action.webhook.url, ['webhook', 'url']) } };
  if ('task' in action) {
    const { task } = action;
    return {
      task: {
        ...task,
        title: text(task.title, ['task', 'title']),
        ...(task.due !== undefined ? { due: text(task.due, ['task', 'due']) } : {}),
      },
    };
  }
  if ('raiseTension' in action)
    return {
      raiseTension: { ...action.raiseTension, title: text(action.raiseTension.title, ['raiseTension', 'title']) },
    };
  return action;
}

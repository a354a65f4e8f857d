import { compileExpression } from '../../model/index.js';
import { errorMessage, isDuration } from '../../shared/index.js';
import { STEP_VARIABLES, stepExpressions } from './expression-sites.js';
import { problem, type ResolutionProblem } from './resolution-problem.js';
import type { PlacedStep } from './step-overrides.js';

/**
 * Checks a workflow's steps as they will run: unique ids, branch targets that exist, CEL that compiles over
 * `event`, `params`, `vars` and `instance`, durations and URLs that parse once parameters are filled in.
 */
export function validateSteps(steps: readonly PlacedStep[], label: string): ResolutionProblem[] {
  const out: ResolutionProblem[] = [];
  const ids = new Set<string>();
  for (const { step, origin } of steps) {
    const at = (...path: (string | number)[]) => [...origin.path, ...path];
    if (ids.has(step.id)) {
      out.push(
        problem(
          'duplicate-step',
          origin.in,
          at('id'),
          `${label} has two steps with id "${step.id}".`,
          'give every step a unique id',
        ),
      );
    }
    ids.add(step.id);
  }
  for (const { step, origin } of steps) {
    const at = (...path: (string | number)[]) => [...origin.path, ...path];
    const actions = [
      ...step.do.map((a, i) => ({ action: a, path: ['do', i] })),
      ...(step.timeout?.then ?? []).map((a, i) => ({ action: a, path: ['timeout', 'then', i] })),
    ];
    for (const { action, path } of actions) {
      if ('branch' in action) {
        action.branch.forEach((b, i) => {
          if (ids.has(b.goto)) return;
          out.push(
            problem(
              'branch-target',
              origin.in,
              at(...path, 'branch', i, 'goto'),
              `Step "${step.id}" branches to "${b.goto}", but ${label} has no such step.`,
              `use one of ${[...ids].join(', ')}`,
            ),
          );
        });
      }
      if ('task' in action && action.task.due !== undefined)
        out.push(...durationProblem(action.task.due, at(...path, 'task', 'due'), origin.in, step.id, 'task due time'));
      if ('webhook' in action && !action.webhook.url.includes('${') && !/^https?:\/\/\S+$/.test(action.webhook.url)) {
        out.push(
          problem(
            'webhook-url',
            origin.in,
            at(...path, 'webhook', 'url'),
            `Step "${step.id}" calls "${action.webhook.url}", which is not an http(s) URL.`,
            'write a URL such as https://risk.acme.example/checks',
          ),
        );
      }
    }
    if (step.timeout)
      out.push(...durationProblem(step.timeout.after, at('timeout', 'after'), origin.in, step.id, 'timeout'));
    for (const site of stepExpressions(step)) {
      try {
        compileExpression(site.source, {
          variables: STEP_VARIABLES,
          where: `step "${step.id}" ${site.path.join('.')}`,
        });
      } catch (error) {
        out.push(
          problem(
            expressionProblemCode(site.source),
            origin.in,
            at(...site.path),
            errorMessage(error),
            'step expressions may read event, params, vars and instance',
          ),
        );
      }
    }
  }
  return out;
}

function durationProblem(
  value: string,
  path: (string | number)[],
  where: PlacedStep['origin']['in'],
  step: string,
  what: string,
): ResolutionProblem[] {
  if (value.includes('${') || isDuration(value)) return [];
  return [
    problem(
      'invalid-duration',
      where,
      path,
      `The ${what} of step "${step}" is "${value}", which is not a duration.`,
      'write a duration such as 30m, 4h or 2d, or ${parameter} of a duration parameter',
    ),
  ];
}

/**
 * `expression-variable` when the expression is valid CEL that reads a name steps do not offer, else
 * `expression-syntax` (which the manifest lint's own CEL rule reports too).
 */
export function expressionProblemCode(source: string): 'expression-variable' | 'expression-syntax' {
  try {
    compileExpression(source);
    return 'expression-variable';
  } catch {
    return 'expression-syntax';
  }
}

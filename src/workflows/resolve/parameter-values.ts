import type { Parameter } from '../../model/index.js';
import { isDuration } from '../../shared/index.js';
import { problem, type ProblemManifest, type ResolutionProblem } from './resolution-problem.js';

/** A parameter value as manifests carry it. */
export type ParameterValue = string | number | boolean;

/** Why `value` is not acceptable for `parameter`, or undefined when it is. */
export function parameterValueProblem(parameter: Parameter, value: ParameterValue): string | undefined {
  const shown = JSON.stringify(value);
  switch (parameter.type) {
    case 'string':
      if (typeof value !== 'string') return `${shown} is not a string`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `${shown} is not true or false`;
      break;
    case 'duration':
      if (typeof value !== 'string' || !isDuration(value)) return `${shown} is not a duration such as 30m, 4h or 2d`;
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${shown} is not a number`;
      if (parameter.type === 'integer' && !Number.isInteger(value)) return `${shown} is not a whole number`;
      if (parameter.minimum !== undefined && value < parameter.minimum)
        return `${shown} is below the minimum of ${parameter.minimum}`;
      if (parameter.maximum !== undefined && value > parameter.maximum)
        return `${shown} is above the maximum of ${parameter.maximum}`;
      break;
  }
  if (parameter.enum && !parameter.enum.includes(value as string | number)) {
    return `${shown} is not one of ${parameter.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return undefined;
}

/** Problems of a template's own parameter declarations: bounds on the wrong type, defaults that break them. */
export function parameterDeclarationProblems(parameters: readonly Parameter[]): ResolutionProblem[] {
  const out: ResolutionProblem[] = [];
  const seen = new Set<string>();
  parameters.forEach((parameter, i) => {
    const at = ['spec', 'parameters', i];
    if (seen.has(parameter.name)) {
      out.push(
        problem(
          'duplicate-parameter',
          'template',
          [...at, 'name'],
          `Parameter "${parameter.name}" is declared twice.`,
          'give each parameter a unique name',
        ),
      );
    }
    seen.add(parameter.name);
    const numeric = parameter.type === 'number' || parameter.type === 'integer';
    if (!numeric && (parameter.minimum !== undefined || parameter.maximum !== undefined)) {
      out.push(
        problem(
          'parameter-bounds',
          'template',
          [...at, parameter.minimum !== undefined ? 'minimum' : 'maximum'],
          `Parameter "${parameter.name}" is a ${parameter.type}, so minimum and maximum do not apply to it.`,
          'drop the bounds, or use enum to list the allowed values',
        ),
      );
    }
    if (parameter.default !== undefined) {
      const why = parameterValueProblem(parameter, parameter.default);
      if (why) {
        out.push(
          problem(
            'parameter-default',
            'template',
            [...at, 'default'],
            `The default of parameter "${parameter.name}" is invalid: ${why}.`,
            `give a default that is a valid ${parameter.type}`,
          ),
        );
      }
    }
  });
  return out;
}

/**
 * The values a workflow runs with: its own, else the template's defaults. Every problem names the parameter:
 * unknown names, missing required ones, wrong types, values out of range or outside the enum.
 */
export function resolveParameterValues(
  declared: readonly Parameter[],
  given: Readonly<Record<string, ParameterValue>>,
  templateRef: string,
): { values: Record<string, ParameterValue>; problems: ResolutionProblem[] } {
  const values: Record<string, ParameterValue> = {};
  const problems: ResolutionProblem[] = [];
  const byName = new Map(declared.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(given)) {
    const parameter = byName.get(name);
    const at: [ProblemManifest, (string | number)[]] = ['workflow', ['spec', 'parameters', name]];
    if (!parameter) {
      const known = declared.map((p) => p.name);
      problems.push(
        problem(
          'unknown-parameter',
          ...at,
          `Parameter "${name}" is not declared by ${templateRef}${closest(name, known)}.`,
          known.length
            ? `use one of ${known.join(', ')}`
            : `${templateRef} takes no parameters; remove spec.parameters`,
        ),
      );
      continue;
    }
    const why = parameterValueProblem(parameter, value);
    if (why) {
      problems.push(
        problem(problemCode(why), ...at, `Parameter "${name}" is invalid: ${why}.`, allowedHint(parameter)),
      );
      continue;
    }
    values[name] = value;
  }
  for (const parameter of declared) {
    if (parameter.name in values || parameter.name in given) continue;
    if (parameter.default !== undefined) values[parameter.name] = parameter.default;
    else {
      problems.push(
        problem(
          'missing-parameter',
          'workflow',
          ['spec', 'from'],
          `Parameter "${parameter.name}" of ${templateRef} has no default, and the workflow does not set it.`,
          `add spec.parameters.${parameter.name} (${allowedHint(parameter)})`,
        ),
      );
    }
  }
  return { values, problems };
}

function problemCode(why: string): string {
  if (/minimum|maximum/.test(why)) return 'parameter-range';
  if (/not one of/.test(why)) return 'parameter-enum';
  return 'parameter-type';
}

/** What a parameter accepts, in words: `a number from 0 to 1000000`. */
export function allowedHint(parameter: Parameter): string {
  if (parameter.enum) return `use one of ${parameter.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const range =
    parameter.minimum !== undefined && parameter.maximum !== undefined
      ? ` from ${parameter.minimum} to ${parameter.maximum}`
      : parameter.minimum !== undefined
        ? ` of at least ${parameter.minimum}`
        : parameter.maximum !== undefined
          ? ` of at most ${parameter.maximum}`
          : '';
  const what = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    duration: 'a duration such as 4h',
  }[parameter.type];
  return `give ${what}${range}`;
}

/** `; did you mean "x"?` for the declared name that shares the longest start with `name` (at least 4 letters), or a case variant. */
function closest(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const shared = (k: string) => {
    let i = 0;
    while (i < k.length && i < lower.length && k[i]!.toLowerCase() === lower[i]) i++;
    return i;
  };
  const best = [...known].sort((a, b) => shared(b) - shared(a))[0];
  return best && (best.toLowerCase() === lower || shared(best) >= 4) ? `; did you mean "${best}"?` : '';
}

import type { Step } from '../../model/index.js';
import { problem, type ProblemManifest, type ResolutionProblem } from './resolution-problem.js';
import type { TemplateManifest, WorkflowManifest } from './template-catalog.js';

/** Where a step of a resolved workflow came from. */
export type StepSource = 'template' | 'added' | 'replaced';

/** One step of a resolved workflow, with the manifest and path it was written at (for located findings). */
export interface PlacedStep {
  step: Step;
  source: StepSource;
  origin: { in: ProblemManifest; path: (string | number)[] };
}

export interface OverrideResult {
  steps: PlacedStep[];
  removed: string[];
  replaced: string[];
  added: string[];
  problems: ResolutionProblem[];
}

/**
 * Applies a workflow's overrides to its template's steps: removals first, then replacements (in place),
 * then additions (after or before a step id, or at the end). Fixed steps can be neither removed nor replaced.
 */
export function applyOverrides(template: TemplateManifest, workflow: WorkflowManifest): OverrideResult {
  const ref = `template:${template.metadata.name}@${template.spec.version}`;
  const steps: PlacedStep[] = template.spec.steps.map((step, i) => ({
    step,
    source: 'template',
    origin: { in: 'template', path: ['spec', 'steps', i] },
  }));
  const result: OverrideResult = { steps, removed: [], replaced: [], added: [], problems: [] };
  const overrides = workflow.spec.overrides ?? {};
  const fixedProblem = (id: string, verb: 'remove' | 'replace', path: (string | number)[]) =>
    problem(
      'fixed-step',
      'workflow',
      path,
      `Workflow "${workflow.metadata.name}" cannot ${verb} step "${id}": it is fixed in ${ref}; only adaptable steps may be removed or replaced.`,
      `keep step "${id}" as the template defines it, or add a step of your own after it`,
    );
  const find = (id: string) => steps.findIndex((s) => s.step.id === id);
  const unknown = (id: string, path: (string | number)[], what: string) =>
    problem(
      'unknown-step',
      'workflow',
      path,
      `${what} "${id}", but ${ref} has no such step${result.removed.includes(id) ? ' left (it is removed above)' : ''}.`,
      `use one of ${steps.map((s) => s.step.id).join(', ')}`,
    );

  (overrides.remove ?? []).forEach((id, i) => {
    const path = ['spec', 'overrides', 'remove', i];
    const index = find(id);
    if (index < 0) return void result.problems.push(unknown(id, path, 'The workflow removes step'));
    if (steps[index]!.step.mode === 'fixed') return void result.problems.push(fixedProblem(id, 'remove', path));
    steps.splice(index, 1);
    result.removed.push(id);
  });

  (overrides.replace ?? []).forEach((step, i) => {
    const path = ['spec', 'overrides', 'replace', i];
    const index = find(step.id);
    if (index < 0) return void result.problems.push(unknown(step.id, [...path, 'id'], 'The workflow replaces step'));
    if (steps[index]!.step.mode === 'fixed')
      return void result.problems.push(fixedProblem(step.id, 'replace', [...path, 'id']));
    steps[index] = { step, source: 'replaced', origin: { in: 'workflow', path } };
    result.replaced.push(step.id);
  });

  (overrides.add ?? []).forEach((addition, i) => {
    const path = ['spec', 'overrides', 'add', i];
    const placed: PlacedStep = {
      step: addition.step,
      source: 'added',
      origin: { in: 'workflow', path: [...path, 'step'] },
    };
    if (find(addition.step.id) >= 0) {
      result.problems.push(
        problem(
          'duplicate-step',
          'workflow',
          [...path, 'step', 'id'],
          `The workflow adds step "${addition.step.id}", but a step with that id already exists.`,
          `choose another id, or use overrides.replace to change step "${addition.step.id}"`,
        ),
      );
      return;
    }
    if (addition.after !== undefined && addition.before !== undefined) {
      result.problems.push(
        problem(
          'override-anchor',
          'workflow',
          [...path, 'before'],
          `Added step "${addition.step.id}" names both after and before.`,
          'keep one of after: or before:',
        ),
      );
      return;
    }
    const anchor = addition.after ?? addition.before;
    if (anchor === undefined) {
      steps.push(placed);
    } else {
      const index = find(anchor);
      if (index < 0) {
        result.problems.push(
          unknown(
            anchor,
            [...path, addition.after !== undefined ? 'after' : 'before'],
            `Added step "${addition.step.id}" is placed next to step`,
          ),
        );
        return;
      }
      steps.splice(addition.after !== undefined ? index + 1 : index, 0, placed);
    }
    result.added.push(addition.step.id);
  });
  return result;
}

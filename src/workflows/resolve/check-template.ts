import { compileExpression } from '../../model/index.js';
import { errorMessage } from '../../shared/index.js';
import { START_VARIABLES } from './expression-sites.js';
import { interpolateStep } from './interpolate-step.js';
import { parameterDeclarationProblems } from './parameter-values.js';
import { problem, type ResolutionProblem } from './resolution-problem.js';
import type { PlacedStep } from './step-overrides.js';
import { templateKey, type TemplateManifest } from './template-catalog.js';
import { expressionProblemCode, validateSteps } from './validate-steps.js';

/**
 * Problems of a template version on its own, before any cell adapts it: parameter declarations, `${name}`
 * references, step ids and branch targets, and every CEL expression.
 */
export function checkTemplate(template: TemplateManifest): ResolutionProblem[] {
  const declared = template.spec.parameters ?? [];
  const names = new Set(declared.map((p) => p.name));
  const out = parameterDeclarationProblems(declared);
  const placed: PlacedStep[] = template.spec.steps.map((step, i) => ({
    step,
    source: 'template',
    origin: { in: 'template', path: ['spec', 'steps', i] },
  }));
  for (const step of placed) out.push(...interpolateStep(step, names, {}).problems);
  out.push(...validateSteps(placed, `template:${templateKey(template)}`));
  const sites: [string | undefined, string][] = [
    [template.spec.start.condition, 'condition'],
    [template.spec.caseId, 'caseId'],
  ];
  for (const [source, field] of sites) {
    if (source === undefined) continue;
    try {
      compileExpression(source, {
        variables: START_VARIABLES,
        where: `spec.${field === 'condition' ? 'start.condition' : 'caseId'}`,
      });
    } catch (error) {
      out.push(
        problem(
          expressionProblemCode(source),
          'template',
          field === 'condition' ? ['spec', 'start', 'condition'] : ['spec', 'caseId'],
          errorMessage(error),
          'the start condition and the case id may read event and params',
        ),
      );
    }
  }
  return out.map((p) => ({ ...p, in: 'template' as const }));
}

import { compileExpression, type ManifestOf } from '../../model/index.js';
import { errorMessage } from '../../shared/index.js';
import type { ResolvedWorkflow } from '../resolve/resolve-workflow.js';
import { workflowGuardrailView } from './workflow-view.js';

type GuardrailManifest = ManifestOf<'Guardrail'>;

/** One guardrail that a resolved workflow does not meet (or that could not be checked). */
export interface GuardrailVerdict {
  guardrail: string;
  action: 'deny' | 'warn';
  /** `violated`: the expression is false; `unchecked`: it failed to evaluate (reported as a warning). */
  outcome: 'violated' | 'unchecked';
  /** The step the verdict is about, when the guardrail names a step the workflow removed, replaced or added. */
  step?: string;
  /** Where inside the Workflow manifest the offending change is. */
  path: (string | number)[];
  message: string;
  hint: string;
}

const LITERAL = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

/**
 * Checks a resolved workflow against every guardrail with `target: workflows`. A violated `deny` blocks
 * validate and apply; a `warn` is reported. Messages name the guardrail and, when the expression names a
 * step this workflow changed, that step and the override that changed it.
 */
export function checkWorkflowGuardrails(
  workflow: ResolvedWorkflow,
  manifest: ManifestOf<'Workflow'>,
  guardrails: readonly GuardrailManifest[],
): GuardrailVerdict[] {
  const view = workflowGuardrailView(workflow);
  const out: GuardrailVerdict[] = [];
  for (const guardrail of guardrails) {
    const { spec } = guardrail;
    if (spec.target !== 'workflows') continue;
    const name = guardrail.metadata.name;
    let passed: boolean;
    try {
      passed = compileExpression(spec.expression, {
        variables: ['workflow'],
        where: `Guardrail/${name} spec.expression`,
      }).evaluateBoolean({ workflow: view });
    } catch (error) {
      out.push({
        guardrail: name,
        action: spec.action,
        outcome: 'unchecked',
        path: ['spec', 'from'],
        message: `Guardrail "${name}" could not be checked against workflow "${workflow.name}": ${errorMessage(error)}`,
        hint: 'guard optional parameters with has(workflow.parameters.x), or compare values of one type',
      });
      continue;
    }
    if (passed) continue;
    const blamed = blameStep(spec.expression, workflow, manifest);
    const where = blamed ? `: step "${blamed.step}" is ${blamed.change}` : '';
    out.push({
      guardrail: name,
      action: spec.action,
      outcome: 'violated',
      ...(blamed ? { step: blamed.step } : {}),
      path: blamed?.path ?? parameterPath(spec.expression, manifest),
      message: `Guardrail "${name}" (${spec.action}) refuses workflow "${workflow.name}"${where}. ${spec.message}`,
      hint: blamed
        ? `keep step "${blamed.step}" as ${workflow.template.name}@${workflow.template.version} defines it, or change the parameters so the guardrail holds`
        : `change the workflow so that ${spec.expression} holds`,
    });
  }
  return out;
}

/** The first parameter the expression reads that the workflow sets, else `spec.from`. */
function parameterPath(expression: string, manifest: ManifestOf<'Workflow'>): (string | number)[] {
  for (const match of expression.matchAll(/workflow\.parameters\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (manifest.spec.parameters && match[1]! in manifest.spec.parameters) return ['spec', 'parameters', match[1]!];
  }
  return ['spec', 'from'];
}

/** The first step the expression names (as a string literal) that this workflow removed, replaced or added. */
function blameStep(
  expression: string,
  workflow: ResolvedWorkflow,
  manifest: ManifestOf<'Workflow'>,
): { step: string; change: string; path: (string | number)[] } | undefined {
  const overrides = manifest.spec.overrides ?? {};
  for (const match of expression.matchAll(LITERAL)) {
    const id = match[1] ?? match[2]!;
    const removed = (overrides.remove ?? []).indexOf(id);
    if (workflow.removed.includes(id) && removed >= 0)
      return { step: id, change: 'removed', path: ['spec', 'overrides', 'remove', removed] };
    const replaced = (overrides.replace ?? []).findIndex((s) => s.id === id);
    if (workflow.replaced.includes(id) && replaced >= 0)
      return { step: id, change: 'replaced', path: ['spec', 'overrides', 'replace', replaced] };
    const added = (overrides.add ?? []).findIndex((a) => a.step.id === id);
    if (workflow.added.includes(id) && added >= 0)
      return { step: id, change: 'added', path: ['spec', 'overrides', 'add', added] };
  }
  return undefined;
}

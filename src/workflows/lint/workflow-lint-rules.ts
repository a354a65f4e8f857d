import type { Manifest } from '../../model/index.js';
import type { Finding, LintRule, OrgModel } from '../../manifests/index.js';
import { checkWorkflows, type WorkflowsCheck } from '../check-workflows.js';
import type { ResolutionProblem } from '../resolve/resolution-problem.js';

/**
 * Broken CEL syntax and references to templates that do not exist are the manifest lint's own findings
 * (expression-syntax, dangling-ref); these rules add what resolving finds.
 */
const REPORTED_ELSEWHERE = new Set([
  'expression-syntax',
  'unknown-template',
  'unknown-template-version',
  'template-ref',
]);

/** Checks are per organization, and three rules read them: compute once per model. */
const cache = new WeakMap<OrgModel, WorkflowsCheck>();
function checked(model: OrgModel): WorkflowsCheck {
  let result = cache.get(model);
  if (!result) {
    result = checkWorkflows(model.manifests);
    cache.set(model, result);
  }
  return result;
}

function finding(
  model: OrgModel,
  ruleId: string,
  manifest: Manifest,
  severity: Finding['severity'],
  path: (string | number)[],
  message: string,
  hint: string,
): Finding {
  const location = model.locate(manifest, path);
  return {
    ruleId,
    severity,
    ...location,
    kind: manifest.kind,
    name: manifest.metadata.name,
    ...(path.length ? { path: formatPath(path) } : {}),
    message,
    hint,
  };
}

function fromProblem(model: OrgModel, ruleId: string, manifest: Manifest, p: ResolutionProblem): Finding {
  return finding(model, ruleId, manifest, p.severity, p.path, p.message, p.hint);
}

/** A template version on its own: parameter declarations, `${name}` references, step ids, branch targets, variables. */
export const templateStepsRule: LintRule = {
  id: 'template-steps',
  severity: 'error',
  description:
    'Every template version is well formed: parameters, ${name} references, unique step ids, branch targets and step expressions.',
  check(model) {
    return checked(model).templates.flatMap(({ manifest, problems }) =>
      problems.filter((p) => !REPORTED_ELSEWHERE.has(p.code)).map((p) => fromProblem(model, this.id, manifest, p)),
    );
  },
};

/** A workflow resolves against its template version: parameters, overrides (fixed steps stay), the resolved steps. */
export const workflowResolutionRule: LintRule = {
  id: 'workflow-resolution',
  severity: 'error',
  description:
    'Every workflow resolves against its template version: known parameters in range, overrides that keep fixed steps, a valid result.',
  check(model) {
    return checked(model).workflows.flatMap(({ manifest, resolution }) =>
      resolution.problems
        .filter((p) => !REPORTED_ELSEWHERE.has(p.code))
        .map((p) => fromProblem(model, this.id, manifest, p)),
    );
  },
};

/** Guardrails with `target: workflows`: deny is an error (blocks apply), warn a warning. */
export const workflowGuardrailRule: LintRule = {
  id: 'workflow-guardrail',
  severity: 'error',
  description: 'Every resolved workflow meets the guardrails that target workflows (deny: error, warn: warning).',
  check(model) {
    return checked(model).workflows.flatMap(({ manifest, verdicts }) =>
      verdicts.map((v) =>
        finding(
          model,
          this.id,
          manifest,
          v.action === 'deny' && v.outcome === 'violated' ? 'error' : 'warning',
          v.path,
          v.message,
          v.hint,
        ),
      ),
    );
  },
};

/** The workflow rules, for the manifest lint's registry. */
export const WORKFLOW_LINT_RULES: readonly LintRule[] = [
  templateStepsRule,
  workflowResolutionRule,
  workflowGuardrailRule,
];

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : /^[A-Za-z_$][\w$-]*$/.test(s)
          ? `${i ? '.' : ''}${s}`
          : `[${JSON.stringify(s)}]`,
    )
    .join('');
}

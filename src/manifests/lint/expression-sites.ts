import type { Action, GuardrailSpec, Manifest, Step } from '../../model/index.js';
import type { OrgModel } from '../org-model.js';

/** The top-level CEL variables each place offers. Guardrails see the thing they guard; filters see the event. */
export const GUARDRAIL_VARIABLES: Record<GuardrailSpec['target'], readonly string[]> = {
  manifests: ['manifest'],
  events: ['event'],
  workflows: ['workflow'],
};
export const EVENT_VARIABLES: readonly string[] = ['event'];

/** Which rule reports a broken expression at a site. */
export type ExpressionRuleId = 'guardrail-cel' | 'subscription-filter-cel' | 'expression-cel';

/** One CEL expression inside a manifest. */
export interface ExpressionSite {
  manifest: Manifest;
  path: (string | number)[];
  source: string;
  /** Allowed top-level names; undefined where the runtime context is open (template steps). */
  variables?: readonly string[];
  ruleId: ExpressionRuleId;
}

/** Every CEL expression in the organization, with the variables its runtime provides. */
export function expressionSites(model: OrgModel): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (
    manifest: Manifest,
    path: (string | number)[],
    source: string | undefined,
    ruleId: ExpressionRuleId,
    variables?: readonly string[],
  ) => {
    if (source !== undefined) sites.push({ manifest, path, source, ruleId, ...(variables ? { variables } : {}) });
  };
  for (const g of model.guardrails)
    add(g, ['spec', 'expression'], g.spec.expression, 'guardrail-cel', GUARDRAIL_VARIABLES[g.spec.target]);
  for (const s of model.subscriptions) {
    add(s, ['spec', 'filter'], s.spec.filter, 'subscription-filter-cel', EVENT_VARIABLES);
    s.spec.actions.forEach((action, i) => {
      if (!('emit' in action)) return;
      add(s, ['spec', 'actions', i, 'emit', 'data'], action.emit.data, 'expression-cel', EVENT_VARIABLES);
      add(s, ['spec', 'actions', i, 'emit', 'subject'], action.emit.subject, 'expression-cel', EVENT_VARIABLES);
    });
  }
  for (const org of model.organizations) {
    (org.spec.mining?.caseIds ?? []).forEach((c, i) =>
      add(org, ['spec', 'mining', 'caseIds', i, 'expression'], c.expression, 'expression-cel', EVENT_VARIABLES),
    );
  }
  for (const versions of model.templates.values()) {
    for (const t of versions) {
      add(t, ['spec', 'start', 'condition'], t.spec.start.condition, 'expression-cel');
      add(t, ['spec', 'caseId'], t.spec.caseId, 'expression-cel');
      t.spec.steps.forEach((step, i) =>
        stepSites(step, ['spec', 'steps', i], (path, source) => add(t, path, source, 'expression-cel')),
      );
    }
  }
  for (const w of model.workflows.values()) {
    const overrides = w.spec.overrides;
    overrides?.replace?.forEach((step, i) =>
      stepSites(step, ['spec', 'overrides', 'replace', i], (path, source) => add(w, path, source, 'expression-cel')),
    );
    overrides?.add?.forEach((a, i) =>
      stepSites(a.step, ['spec', 'overrides', 'add', i, 'step'], (path, source) =>
        add(w, path, source, 'expression-cel'),
      ),
    );
  }
  return sites;
}

function stepSites(
  step: Step,
  base: (string | number)[],
  add: (path: (string | number)[], source: string) => void,
): void {
  if (step.on?.condition) add([...base, 'on', 'condition'], step.on.condition);
  step.do.forEach((action, i) => actionSites(action, [...base, 'do', i], add));
  step.timeout?.then.forEach((action, i) => actionSites(action, [...base, 'timeout', 'then', i], add));
}

function actionSites(
  action: Action,
  base: (string | number)[],
  add: (path: (string | number)[], source: string) => void,
): void {
  const record = (key: string, values: Record<string, string> | undefined) => {
    for (const [name, source] of Object.entries(values ?? {}))
      add([...base, ...(key ? key.split('.') : []), name], source);
  };
  if ('emit' in action) record('emit.data', action.emit.data);
  else if ('webhook' in action) record('webhook.body', action.webhook.body);
  else if ('set' in action) record('set', action.set);
  else if ('branch' in action) action.branch.forEach((b, i) => add([...base, 'branch', i, 'when'], b.when));
}

import { compileExpression, type CompiledExpression } from '../../model/index.js';
import { formatPath, type Finding } from '../finding.js';
import type { OrgModel } from '../org-model.js';
import { expressionSites, type ExpressionRuleId, type ExpressionSite } from './expression-sites.js';
import { findingAt, type LintRule } from './lint-rule.js';

/** Compiles an expression site, or returns the finding that says why it cannot be compiled. */
export function compileSite(
  model: OrgModel,
  rule: Pick<LintRule, 'id' | 'severity'>,
  site: ExpressionSite,
): CompiledExpression | Finding {
  const where = `${site.manifest.kind}/${site.manifest.metadata.name} ${formatPath(site.path)}`;
  try {
    return compileExpression(site.source, { where, ...(site.variables ? { variables: site.variables } : {}) });
  } catch (error) {
    const details =
      (error as { details?: { line?: number; column?: number; problem?: string; hint?: string } }).details ?? {};
    const message = error instanceof Error ? error.message : String(error);
    // Point at the character inside the YAML scalar when the expression sits on one line.
    const scalar = model.sourceOf(site.manifest)?.scalarAt(site.path);
    const inline = scalar && details.line === 1 && details.column !== undefined && !site.source.includes('\n');
    const text = details.problem
      ? `The expression is not valid CEL at ${site.source.includes('\n') ? `line ${details.line}, ` : ''}column ${details.column}: ${details.problem}.`
      : message.replace(`${where} `, 'The expression ');
    return findingAt(model, rule, site.manifest, site.path, text, details.hint ?? 'fix the expression', {
      ...(inline
        ? { line: scalar.position.line, column: scalar.position.column + (scalar.quoted ? 1 : 0) + details.column! - 1 }
        : {}),
    });
  }
}

function expressionRule(id: ExpressionRuleId, description: string): LintRule {
  return {
    id,
    severity: 'error',
    description,
    check(model) {
      return expressionSites(model)
        .filter((site) => site.ruleId === id)
        .flatMap((site) => {
          const compiled = compileSite(model, this, site);
          return 'ruleId' in compiled ? [compiled] : [];
        });
    },
  };
}

export const guardrailCel = expressionRule(
  'guardrail-cel',
  "Every guardrail's expression is valid CEL over the variable its target provides (manifest, event or workflow).",
);
export const subscriptionFilterCel = expressionRule(
  'subscription-filter-cel',
  "Every subscription's filter is valid CEL over `event`.",
);
export const expressionCel = expressionRule(
  'expression-cel',
  'Every other CEL expression (emit data, case ids, template steps) is valid.',
);

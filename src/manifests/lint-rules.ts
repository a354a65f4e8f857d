import type { Finding } from './finding.js';
import type { OrgModel } from './org-model.js';
import { agreementExitCriteria, agreementSlo, collaborationDuration } from './lint/agreement-rules.js';
import { missingAgreement, subscriptionUnoffered } from './lint/consumption-rules.js';
import { expressionCel, guardrailCel, subscriptionFilterCel } from './lint/expression-rules.js';
import { guardrailViolated } from './lint/guardrail-violated.js';
import { offerSchema } from './lint/offer-schema-rule.js';
import type { LintContext, LintRule } from './lint/lint-rule.js';
import { organizationCount, organizationCriteria, organizationPurpose } from './lint/organization-rules.js';
import { cellFacilitator, domainOwner, eventTypeOwner, offerLimits } from './lint/ownership-rules.js';
import { danglingRef, duplicateName } from './lint/reference-rules.js';
import { tensionTypeUndecided, tensionTypeUndefined } from './lint/tension-type-rules.js';

/** The built-in rules `cello validate` runs over a loaded organization, in the order they are documented. */
export const LINT_RULES: readonly LintRule[] = [
  duplicateName,
  danglingRef,
  organizationCount,
  organizationPurpose,
  organizationCriteria,
  domainOwner,
  eventTypeOwner,
  cellFacilitator,
  offerLimits,
  offerSchema,
  subscriptionUnoffered,
  missingAgreement,
  agreementExitCriteria,
  agreementSlo,
  collaborationDuration,
  tensionTypeUndefined,
  tensionTypeUndecided,
  guardrailCel,
  subscriptionFilterCel,
  expressionCel,
  guardrailViolated,
];

/** Checks that run while loading, before there is a model: listed so `ruleId`s are documented in one place. */
export const LOAD_RULES: readonly Pick<LintRule, 'id' | 'severity' | 'description'>[] = [
  { id: 'yaml-syntax', severity: 'error', description: 'Every file is valid YAML.' },
  { id: 'duplicate-key', severity: 'error', description: 'No mapping has the same key twice.' },
  {
    id: 'not-a-manifest',
    severity: 'error',
    description: 'Every YAML document is a mapping (AsyncAPI documents are skipped).',
  },
  { id: 'api-version', severity: 'error', description: 'Every manifest has apiVersion: cello/v1.' },
  { id: 'unknown-kind', severity: 'error', description: 'Every manifest has a known kind.' },
  { id: 'unknown-field', severity: 'error', description: 'No manifest has a field its schema does not define.' },
  { id: 'missing-field', severity: 'error', description: 'Every required field is present.' },
  { id: 'invalid-value', severity: 'error', description: 'Every value has the type and form its schema asks for.' },
  { id: 'asyncapi-missing', severity: 'error', description: 'An event offer’s asyncapi: path names an existing file.' },
  {
    id: 'asyncapi-invalid',
    severity: 'error',
    description: 'That file is valid against the official AsyncAPI schema of its version.',
  },
  { id: 'file-unreadable', severity: 'error', description: 'Every YAML file can be read.' },
  { id: 'file-too-large', severity: 'error', description: 'No YAML file is over 2 MiB (larger ones are not read).' },
];

/**
 * Runs the built-in rules, or the given ones (src/app passes the built-in rules and those its modules bring); a rule
 * that throws becomes a finding rather than hiding the others.
 */
export function runLintRules(
  model: OrgModel,
  context: Partial<LintContext> = {},
  rules: readonly LintRule[] = LINT_RULES,
): Finding[] {
  const full: LintContext = { now: context.now ?? new Date(), declared: context.declared ?? new Set() };
  return rules.flatMap((rule) => {
    try {
      return rule.check(model, full);
    } catch (error) {
      return [
        {
          ruleId: rule.id,
          severity: 'error' as const,
          file: '',
          line: 0,
          column: 0,
          message: `The ${rule.id} check failed: ${error instanceof Error ? error.message : String(error)}.`,
          hint: 'this is a bug in Cello; please report it with the manifests that trigger it',
        },
      ];
    }
  });
}

import { errorMessage } from '../../shared/index.js';
import type { Finding } from '../finding.js';
import { GUARDRAIL_VARIABLES } from './expression-sites.js';
import { compileSite } from './expression-rules.js';
import { describeLocation, findingAt, type LintRule } from './lint-rule.js';

/**
 * Guardrails over manifests are checked here, against every manifest of the kinds they name; guardrails over
 * events and workflows are enforced by the engine when events arrive and workflows resolve.
 */
export const guardrailViolated: LintRule = {
  id: 'guardrail-violated',
  severity: 'error',
  description: 'Every manifest satisfies the guardrails that target manifests (deny: error, warn: warning).',
  check(model) {
    const out: Finding[] = [];
    for (const guardrail of model.guardrails) {
      const { spec } = guardrail;
      if (spec.target !== 'manifests') continue;
      const compiled = compileSite(model, this, {
        manifest: guardrail,
        path: ['spec', 'expression'],
        source: spec.expression,
        variables: GUARDRAIL_VARIABLES.manifests,
        ruleId: 'guardrail-cel',
      });
      if ('ruleId' in compiled) continue;
      const severity = spec.action === 'deny' ? 'error' : 'warning';
      for (const manifest of model.manifests) {
        if (spec.kinds && !spec.kinds.includes(manifest.kind)) continue;
        let passed: boolean;
        try {
          passed = compiled.evaluateBoolean({ manifest });
        } catch (error) {
          out.push(
            findingAt(
              model,
              this,
              manifest,
              ['metadata', 'name'],
              `Guardrail "${guardrail.metadata.name}" could not be checked against this manifest: ${errorMessage(error)}`,
              `narrow the guardrail with kinds:, or guard optional fields with has() (${describeLocation(model, guardrail, ['spec', 'expression'])})`,
              { severity: 'warning' },
            ),
          );
          continue;
        }
        if (passed) continue;
        out.push(
          findingAt(
            model,
            this,
            manifest,
            ['metadata', 'name'],
            `Guardrail "${guardrail.metadata.name}" (${spec.action}) is not met: ${spec.message}`,
            `change this manifest so that ${spec.expression} holds, or revisit the guardrail at ${describeLocation(model, guardrail)}`,
            { severity },
          ),
        );
      }
    }
    return out;
  },
};

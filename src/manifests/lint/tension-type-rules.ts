import type { Manifest } from '../../model/index.js';
import { suggestion } from '../did-you-mean.js';
import type { Finding } from '../finding.js';
import type { OrgModel } from '../org-model.js';
import { findingAt, type LintRule } from './lint-rule.js';

/** Every place a tension type is named: decision rights, and templates that raise tensions. */
function tensionTypeUses(model: OrgModel): { manifest: Manifest; path: (string | number)[]; type: string }[] {
  const uses: { manifest: Manifest; path: (string | number)[]; type: string }[] = model.decisionRights.map((d) => ({
    manifest: d,
    path: ['spec', 'tensionType'],
    type: d.spec.tensionType,
  }));
  for (const versions of model.templates.values()) {
    for (const template of versions) {
      template.spec.steps.forEach((step, s) => {
        const lists: [string, typeof step.do][] = [
          ['do', step.do],
          ...(step.timeout ? [['timeout', step.timeout.then] as [string, typeof step.do]] : []),
        ];
        for (const [where, actions] of lists) {
          actions.forEach((action, a) => {
            if (!('raiseTension' in action)) return;
            const path = [
              'spec',
              'steps',
              s,
              ...(where === 'do' ? ['do'] : ['timeout', 'then']),
              a,
              'raiseTension',
              'type',
            ];
            uses.push({ manifest: template, path, type: action.raiseTension.type });
          });
        }
      });
    }
  }
  return uses;
}

export const tensionTypeUndefined: LintRule = {
  id: 'tension-type-undefined',
  severity: 'error',
  description: 'Tension types used by decision rights and templates are defined by the organization.',
  check(model) {
    const org = model.organization;
    if (!org) return [];
    const defined = org.spec.tensionTypes.map((t) => t.name);
    return tensionTypeUses(model)
      .filter((use) => !defined.includes(use.type))
      .map((use) =>
        findingAt(
          model,
          this,
          use.manifest,
          use.path,
          `Tension type "${use.type}" is not one of the organization's tension types (${defined.join(', ')})${suggestion(use.type, defined) || '.'}`,
          `use a defined tension type, or add "${use.type}" to spec.tensionTypes of Organization/${org.metadata.name}`,
        ),
      );
  },
};

export const tensionTypeUndecided: LintRule = {
  id: 'tension-type-undecided',
  severity: 'warning',
  description: 'Every tension type the organization defines has a decision right saying who decides it.',
  check(model) {
    const org = model.organization;
    if (!org) return [];
    const out: Finding[] = [];
    org.spec.tensionTypes.forEach((type, i) => {
      if (model.decisionRightsFor(type.name).length > 0) return;
      out.push(
        findingAt(
          model,
          this,
          org,
          ['spec', 'tensionTypes', i, 'name'],
          `Nobody has the right to decide "${type.name}" tensions: no DecisionRight names this tension type.`,
          `add a DecisionRight with tensionType: ${type.name}, a decider cell, a method and a forum`,
        ),
      );
    });
    return out;
  },
};

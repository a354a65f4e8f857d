import type { Finding } from '../finding.js';
import { describeLocation, findingAt, type LintRule } from './lint-rule.js';

export const organizationCount: LintRule = {
  id: 'organization-count',
  severity: 'error',
  description: 'There is exactly one Organization manifest.',
  check(model) {
    const [first, ...extra] = model.organizations;
    if (!first) {
      return [
        {
          ruleId: this.id,
          severity: this.severity,
          file: '',
          line: 0,
          column: 0,
          kind: 'Organization',
          message:
            'There is no Organization manifest, so there is no shared purpose, no criteria to prioritize by and no tension types.',
          hint: 'add an Organization (e.g. organization.yaml) with a one-sentence purpose, 1 to 5 weighted criteria, tension types and a review cadence; `cello init` shows one',
        },
      ];
    }
    return extra.map((org) =>
      findingAt(
        model,
        this,
        org,
        ['metadata', 'name'],
        `A second Organization is defined; the first is ${first.metadata.name} at ${describeLocation(model, first)}.`,
        'keep one Organization manifest and merge the other into it',
      ),
    );
  },
};

export const organizationPurpose: LintRule = {
  id: 'organization-purpose',
  severity: 'error',
  description: "The organization's purpose is one sentence.",
  check(model) {
    return model.organizations.flatMap((org) => {
      const sentences = countSentences(org.spec.purpose);
      if (sentences === 1) return [];
      return [
        findingAt(
          model,
          this,
          org,
          ['spec', 'purpose'],
          sentences === 0
            ? 'The purpose is blank.'
            : `The purpose has ${sentences} sentences; a purpose everyone can repeat is one sentence.`,
          'say why the organization exists in one sentence; move the rest to metadata.description',
        ),
      ];
    });
  },
};

export const organizationCriteria: LintRule = {
  id: 'organization-criteria',
  severity: 'error',
  description: 'The organization has between 1 and 5 prioritization criteria.',
  check(model) {
    const out: Finding[] = [];
    for (const org of model.organizations) {
      const count = org.spec.criteria.length;
      if (count < 1) {
        out.push(
          findingAt(
            model,
            this,
            org,
            ['spec', 'criteria'],
            'There are no prioritization criteria, so tensions cannot be weighed.',
            'add 1 to 5 criteria, each with a name and a weight',
          ),
        );
      } else if (count > 5) {
        out.push(
          findingAt(
            model,
            this,
            org,
            ['spec', 'criteria'],
            `There are ${count} prioritization criteria; more than 5 cannot be weighed against each other in a review.`,
            'merge or drop criteria until at most 5 remain',
          ),
        );
      }
    }
    return out;
  },
};

/** Sentences end in . ! or ? followed by a space (or the end); a trailing one is fine, abbreviations like "e.g." are not counted. */
function countSentences(text: string): number {
  const trimmed = text.trim().replace(/\b(e\.g|i\.e|etc|vs)\./gi, '$1');
  if (!trimmed) return 0;
  return trimmed.split(/[.!?]+(?:\s+|$)/).filter((part) => part.trim() !== '').length;
}

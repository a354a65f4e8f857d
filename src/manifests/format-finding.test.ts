import { expect, it } from 'vitest';
import { formatFinding, formatSummary } from './format-finding.js';

it('prints a finding as a clickable location, the rule and a fix line', () => {
  const text = formatFinding({
    ruleId: 'unknown-field',
    severity: 'error',
    file: 'examples/broken/cells/risk.yaml',
    line: 12,
    column: 7,
    kind: 'Cell',
    name: 'risk',
    message: 'spec.offers[0] has an unknown field "limts"; did you mean "limits"?',
    hint: 'rename "limts" to "limits"',
  });
  expect(text).toBe(
    'examples/broken/cells/risk.yaml:12:7  error  unknown-field  Cell/risk: spec.offers[0] has an unknown field "limts"; did you mean "limits"?\n    fix: Rename "limts" to "limits".',
  );
});

it('summarizes with counts, or says there is nothing to fix', () => {
  expect(formatSummary({ errors: 2, warnings: 1, files: 3, manifests: 7 })).toBe(
    '2 errors and 1 warning in 3 files (7 manifests).',
  );
  expect(formatSummary({ errors: 0, warnings: 0, files: 1, manifests: 1 })).toBe('No problems in 1 file (1 manifest).');
});

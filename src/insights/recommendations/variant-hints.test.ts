import { describe, expect, it } from 'vitest';
import { variantHints, type VariantHintOptions } from './variant-hints.js';
import type { WorkflowRuns } from './workflow-runs.js';

const H = 3_600_000;
const OPTIONS: VariantHintOptions = {
  window: '28d',
  minSample: 5,
  minImprovement: 0.2,
  reworkTolerance: 0.05,
  maxPValue: 0.05,
};

function runs(workflow: string, cell: string, hours: number[], reworkRuns = 0): WorkflowRuns {
  return {
    workflow,
    template: 'case-handling',
    versions: ['case-handling@2'],
    cell,
    started: hours.length,
    durations: hours.map((h) => h * H),
    reworkRuns,
    escalatedRuns: 0,
  };
}

describe('variantHints', () => {
  const slow = runs('emea-case-handling', 'cs-emea', [10, 11, 12, 9, 10, 11, 10, 12, 10, 11], 1);
  const fast = runs('americas-case-handling', 'cs-americas', [6, 5, 6, 7, 6, 5, 6, 7], 1);

  it('points the slower cell at the variant of the same template that resolves cases faster with equal rework', () => {
    const [hint, ...rest] = variantHints([slow, fast], OPTIONS);
    expect(rest).toEqual([]);
    expect(hint).toMatchObject({
      kind: 'template-variant',
      key: 'template-variant:case-handling:emea-case-handling',
      cell: 'cs-emea',
      title: "cell:cs-americas's variant of case-handling resolves cases 43% faster with equal rework",
      sampleSize: 18,
      impact: { current: 10.5 * H, expected: 6 * H, change: -0.4286 },
    });
    expect(hint!.confidence).toBeGreaterThan(0.99);
    expect(hint!.evidence.map((e) => e.ref)).toEqual([
      'workflow:americas-case-handling',
      'workflow:emea-case-handling',
    ]);
  });

  it('says nothing when the faster variant reworks more, the gap is small, or a side has too few runs', () => {
    expect(variantHints([slow, { ...fast, reworkRuns: 4 }], OPTIONS)).toEqual([]);
    expect(variantHints([slow, runs('other', 'cs-americas', [9, 10, 9, 10, 9, 10])], OPTIONS)).toEqual([]);
    expect(variantHints([slow, runs('few', 'cs-americas', [1, 1, 1, 1])], OPTIONS)).toEqual([]);
    expect(variantHints([slow, { ...fast, template: 'other-template' }], OPTIONS)).toEqual([]);
  });

  it('never compares a cell with itself', () => {
    expect(variantHints([slow, { ...fast, cell: 'cs-emea' }], OPTIONS)).toEqual([]);
  });
});

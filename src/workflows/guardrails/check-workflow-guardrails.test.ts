import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Manifest, ManifestOf } from '../../model/index.js';
import { checkWorkflows } from '../check-workflows.js';

const docs = (yaml: string) => yaml.split('\n---\n').map((d) => parse(d) as Manifest);
const base = docs(`
apiVersion: cello/v1
kind: Template
metadata: { name: credit-approval }
spec:
  version: 1
  parameters: [{ name: maxAmount, type: number, default: 100000 }]
  start: { type: com.acme.finance.credit.requested }
  steps:
    - { id: risk-check, mode: adaptable, on: { type: com.acme.risk.score.changed }, do: [] }
    - { id: decide, mode: adaptable, do: [{ complete: true }] }
---
apiVersion: cello/v1
kind: Guardrail
metadata: { name: big-credits-keep-risk-check }
spec:
  target: workflows
  expression: workflow.template != "credit-approval" || workflow.parameters.maxAmount <= 1000000.0 || "risk-check" in workflow.stepIds
  action: deny
  message: A credit approval above 1,000,000 keeps the risk-check step.
---
apiVersion: cello/v1
kind: Guardrail
metadata: { name: decisions-are-announced }
spec:
  target: workflows
  expression: workflow.steps.exists(s, s.actions.exists(a, a == "emit"))
  action: warn
  message: A workflow tells others what it decided.
`);

const workflow = (name: string, maxAmount: number, remove: string[]): ManifestOf<'Workflow'> => ({
  apiVersion: 'cello/v1',
  kind: 'Workflow',
  metadata: { name },
  spec: {
    from: 'template:credit-approval@1',
    cell: 'cell:finance',
    parameters: { maxAmount },
    ...(remove.length ? { overrides: { remove } } : {}),
  },
});

describe('guardrails over resolved workflows', () => {
  it('denies removing a step the guardrail protects, naming the guardrail, the step and the override', () => {
    const [check] = checkWorkflows([...base, workflow('big-credits', 2_000_000, ['risk-check'])]).workflows;
    const deny = check!.verdicts.find((v) => v.action === 'deny')!;
    expect(check!.runnable).toBe(false);
    expect(deny).toMatchObject({
      guardrail: 'big-credits-keep-risk-check',
      outcome: 'violated',
      step: 'risk-check',
      path: ['spec', 'overrides', 'remove', 0],
    });
    expect(deny.message).toBe(
      'Guardrail "big-credits-keep-risk-check" (deny) refuses workflow "big-credits": step "risk-check" is removed. A credit approval above 1,000,000 keeps the risk-check step.',
    );
  });

  it('lets small credits drop the step, and reports warn guardrails without refusing', () => {
    const [check] = checkWorkflows([...base, workflow('small-credits', 50_000, ['risk-check'])]).workflows;
    expect(check!.runnable).toBe(true);
    expect(check!.verdicts).toEqual([
      expect.objectContaining({ guardrail: 'decisions-are-announced', action: 'warn', outcome: 'violated' }),
    ]);
  });
});

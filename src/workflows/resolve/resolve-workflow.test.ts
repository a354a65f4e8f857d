import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Manifest } from '../../model/index.js';
import { resolveWorkflow } from './resolve-workflow.js';
import { createTemplateCatalog, type WorkflowManifest } from './template-catalog.js';

const template = parse(`
apiVersion: cello/v1
kind: Template
metadata: { name: credit-approval }
spec:
  version: 2
  parameters:
    - { name: approvalThreshold, type: number, default: 50000, minimum: 0, maximum: 5000000 }
    - { name: decisionTime, type: duration, default: 4h }
    - { name: channel, type: string, enum: [web, branch] }
  start: { type: com.acme.finance.credit.requested }
  steps:
    - id: record
      mode: fixed
      do: [{ set: { amount: event.data.amount } }]
    - id: risk-check
      mode: fixed
      on: { type: com.acme.risk.score.changed }
      do: [{ set: { score: event.data.score } }]
      timeout: { after: 15m, then: [{ raiseTension: { type: interface, title: No score } }] }
    - id: decide
      mode: adaptable
      do:
        - branch: [{ when: vars.amount > params.approvalThreshold, goto: refer }]
        - complete: true
    - id: refer
      mode: adaptable
      do: [{ task: { cell: cell:finance, title: Decide, due: '\${decisionTime}' } }]
`) as Manifest;

const workflow = (spec: Record<string, unknown>): WorkflowManifest =>
  ({
    apiVersion: 'cello/v1',
    kind: 'Workflow',
    metadata: { name: 'finance-credit' },
    spec: { from: 'template:credit-approval@2', cell: 'cell:finance', ...spec },
  }) as WorkflowManifest;

const resolve = (spec: Record<string, unknown>) => resolveWorkflow(workflow(spec), createTemplateCatalog([template]));

describe('resolving a workflow against its template version', () => {
  it('fills in defaults, substitutes ${param} references and applies overrides in place', () => {
    const { workflow: resolved, problems } = resolve({
      parameters: { channel: 'web', decisionTime: '2h' },
      overrides: {
        replace: [
          {
            id: 'refer',
            mode: 'adaptable',
            do: [{ task: { cell: 'cell:finance', title: 'Senior analyst decides', due: '${decisionTime}' } }],
          },
        ],
        add: [
          {
            after: 'decide',
            step: { id: 'notify', mode: 'adaptable', do: [{ emit: { type: 'com.acme.finance.credit.referred' } }] },
          },
        ],
      },
    });
    expect(problems).toEqual([]);
    expect(resolved!.parameters).toEqual({ channel: 'web', decisionTime: '2h', approvalThreshold: 50000 });
    expect(resolved!.steps.map((s) => [s.step.id, s.source])).toEqual([
      ['record', 'template'],
      ['risk-check', 'template'],
      ['decide', 'template'],
      ['notify', 'added'],
      ['refer', 'replaced'],
    ]);
    expect(resolved!.steps[4]!.step.do[0]).toEqual({
      task: { cell: 'cell:finance', title: 'Senior analyst decides', due: '2h' },
    });
  });

  it('names the parameter when a value is unknown, of the wrong type, out of range or not in the enum', () => {
    const { problems, workflow: resolved } = resolve({
      parameters: { channel: 'phone', approvalThreshold: 9e9, decisionTime: 'soon', approvalLimit: 1 },
    });
    expect(resolved).toBeUndefined();
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['parameter-enum', 'spec.parameters.channel'],
        ['parameter-range', 'spec.parameters.approvalThreshold'],
        ['parameter-type', 'spec.parameters.decisionTime'],
        ['unknown-parameter', 'spec.parameters.approvalLimit'],
      ]),
    );
    expect(problems.find((p) => p.code === 'parameter-range')!.message).toBe(
      'Parameter "approvalThreshold" is invalid: 9000000000 is above the maximum of 5000000.',
    );
    expect(problems.find((p) => p.code === 'unknown-parameter')!.message).toContain(
      'did you mean "approvalThreshold"?',
    );
  });

  it('reports a required parameter the workflow does not set', () => {
    const { problems } = resolve({});
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'missing-parameter',
        message: 'Parameter "channel" of template:credit-approval@2 has no default, and the workflow does not set it.',
      }),
    ]);
  });

  it('refuses to remove or replace a fixed step, naming the step and the template', () => {
    const { problems } = resolve({
      parameters: { channel: 'web' },
      overrides: { remove: ['risk-check'], replace: [{ id: 'record', mode: 'fixed', do: [] }] },
    });
    expect(problems.map((p) => [p.code, p.path.join('.'), p.message])).toEqual([
      [
        'fixed-step',
        'spec.overrides.remove.0',
        'Workflow "finance-credit" cannot remove step "risk-check": it is fixed in template:credit-approval@2; only adaptable steps may be removed or replaced.',
      ],
      [
        'fixed-step',
        'spec.overrides.replace.0.id',
        'Workflow "finance-credit" cannot replace step "record": it is fixed in template:credit-approval@2; only adaptable steps may be removed or replaced.',
      ],
    ]);
  });

  it('validates the result: a removed branch target, an unknown ${param}, an unknown CEL variable', () => {
    const { problems } = resolve({
      parameters: { channel: 'web' },
      overrides: {
        remove: ['refer'],
        add: [
          {
            step: {
              id: 'late',
              mode: 'adaptable',
              on: { type: 'com.acme.x.y', condition: 'case.amount > 1' },
              do: [],
              timeout: { after: '${slaHours}', then: [] },
            },
          },
        ],
      },
    });
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['branch-target', 'spec.overrides.remove.0'],
        ['unknown-reference', 'spec.overrides.add.0.step.timeout.after'],
        ['expression-variable', 'spec.overrides.add.0.step.on.condition'],
      ]),
    );
    expect(problems.find((p) => p.code === 'branch-target')!.message).toBe(
      'Step "decide" branches to "refer", and this workflow removes "refer".',
    );
  });

  it('explains a version that does not exist, and warns when the version is not pinned', () => {
    expect(
      resolveWorkflow(workflow({ from: 'template:credit-approval@7' }), createTemplateCatalog([template])).problems[0]!
        .message,
    ).toBe('template:credit-approval@7 does not exist; template "credit-approval" has version(s) 2.');
    const unpinned = resolveWorkflow(
      workflow({ from: 'template:credit-approval', parameters: { channel: 'web' } }),
      createTemplateCatalog([template]),
    );
    expect(unpinned.workflow?.template.key).toBe('credit-approval@2');
    expect(unpinned.problems).toEqual([expect.objectContaining({ code: 'unpinned-template', severity: 'warning' })]);
  });
});

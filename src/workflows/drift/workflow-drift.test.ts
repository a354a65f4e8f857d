import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WorkflowUpgradeAvailable, type Manifest } from '../../model/index.js';
import { driftReport } from './workflow-drift.js';
import { upgradeNotices } from './upgrade-notices.js';

const docs = (yaml: string) => yaml.split('\n---\n').map((d) => parse(d) as Manifest);

const manifests = docs(`
apiVersion: cello/v1
kind: Template
metadata: { name: case-handling }
spec:
  version: 1
  parameters: [{ name: region, type: string }]
  start: { type: com.acme.support.case.opened }
  steps:
    - { id: acknowledge, mode: fixed, do: [{ emit: { type: com.acme.support.case.acknowledged } }] }
    - { id: triage, mode: adaptable, do: [{ set: { priority: '"normal"' } }] }
    - { id: survey, mode: adaptable, do: [{ set: { survey: 'true' } }] }
    - { id: resolve, mode: adaptable, on: { type: com.acme.support.case.resolved }, do: [{ complete: true }] }
---
apiVersion: cello/v1
kind: Template
metadata: { name: case-handling }
spec:
  version: 2
  parameters: [{ name: region, type: string }, { name: language, type: string, default: en }]
  start: { type: com.acme.support.case.opened }
  steps:
    - { id: acknowledge, mode: fixed, do: [{ emit: { type: com.acme.support.case.acknowledged } }] }
    - { id: triage, mode: adaptable, do: [{ set: { priority: '"high"' } }] }
    - { id: survey, mode: adaptable, do: [{ set: { survey: 'false' } }] }
    - { id: resolve, mode: fixed, on: { type: com.acme.support.case.resolved }, do: [{ complete: true }] }
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: cs-emea-case-handling }
spec:
  from: template:case-handling@1
  cell: cell:cs-emea
  parameters: { region: emea }
  overrides:
    replace:
      - { id: triage, mode: adaptable, do: [{ set: { queue: '"dach"' } }] }
      - { id: resolve, mode: adaptable, on: { type: com.acme.support.case.resolved }, do: [{ set: { done: 'true' } }, { complete: true }] }
    add:
      - { after: acknowledge, step: { id: callback, mode: adaptable, do: [] } }
`);

describe('template drift', () => {
  const [drift] = driftReport(manifests);

  it('shows what the cell changed against its version and against the newest', () => {
    expect(drift).toMatchObject({
      workflow: 'cs-emea-case-handling',
      cell: 'cs-emea',
      template: 'case-handling',
      adopted: 1,
      newest: 2,
    });
    expect(drift!.fromAdopted).toEqual([
      { step: 'callback', change: 'added' },
      { step: 'triage', change: 'changed', fields: ['do'] },
      { step: 'resolve', change: 'changed', fields: ['do'] },
    ]);
    expect(drift!.fromNewest.map((c) => [c.step, c.change])).toEqual([
      ['callback', 'added'],
      ['triage', 'changed'],
      ['survey', 'changed'],
      ['resolve', 'changed'],
    ]);
  });

  it('proposes an upgrade by three-way merge, with conflicts shown and fixed steps respected', () => {
    const upgrade = drift!.upgrade!;
    expect(upgrade.conflicts.map((c) => [c.step, c.took])).toEqual([
      ['triage', 'ours'],
      ['resolve', 'theirs'],
    ]);
    expect(upgrade.conflicts[0]!.reason).toBe(
      'the workflow and the newest version both change step "triage", differently',
    );
    expect(upgrade.conflicts[1]!.reason).toBe(
      'the newest version makes step "resolve" fixed, so the workflow\'s change cannot stay',
    );
    // survey: only the template changed it, so the proposal takes the new version silently.
    expect(upgrade.workflow.spec).toEqual({
      from: 'template:case-handling@2',
      cell: 'cell:cs-emea',
      parameters: { region: 'emea' },
      overrides: {
        add: [{ after: 'acknowledge', step: { id: 'callback', mode: 'adaptable', do: [] } }],
        replace: [{ id: 'triage', mode: 'adaptable', do: [{ set: { queue: '"dach"' } }] }],
      },
    });
    expect(upgrade.problems).toEqual([]);
  });

  it('notifies the adopting cell once per new version, with a deterministic id', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const [notice] = upgradeNotices(manifests, now);
    expect(notice).toMatchObject({
      type: WorkflowUpgradeAvailable,
      subject: 'workflow:cs-emea-case-handling',
      data: { cell: 'cs-emea', adopted: 1, newest: 2 },
    });
    expect(upgradeNotices(manifests, new Date('2026-03-02T00:00:00Z'))[0]!.id).toBe(notice!.id);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Manifest } from '../../src/model/index.js';

/**
 * A small lending organization for the insights scenarios: intake takes loan requests and closes loans, credit
 * decides them under an agreement promising 90% of decisions within 4 hours. Credit's lead decides process
 * tensions (owner), which is how the review of an experiment credit chose for itself is decided in these tests.
 */
export function lendingOrg(): Manifest[] {
  const m = (kind: string, name: string, spec: Record<string, unknown>) =>
    ({ apiVersion: 'cello/v1', kind, metadata: { name }, spec }) as unknown as Manifest;
  return [
    m('Organization', 'lending', {
      purpose: 'Lending decides loans fairly and fast.',
      criteria: [{ name: 'time-to-decision', weight: 3 }],
      tensionTypes: ['interface', 'process', 'capacity'].map((name) => ({ name })),
      review: { cadence: '0 14 * * 3' },
    }),
    m('Domain', 'loans', { purpose: 'Loan requests and closing.' }),
    m('Domain', 'credit-risk', { purpose: 'Credit decisions.' }),
    m('Cell', 'intake', {
      type: 'stream-aligned',
      purpose: 'Take loan requests and close loans.',
      members: [{ name: 'Ivy', roles: ['lead', 'facilitator'] }],
      domains: ['domain:loans'],
      offers: [
        {
          name: 'loans',
          type: 'event',
          events: [{ type: 'com.lend.loan.requested' }, { type: 'com.lend.loan.closed' }],
          limits: { rate: '10/s' },
        },
      ],
    }),
    m('Cell', 'credit', {
      type: 'complicated-subsystem',
      purpose: 'Decide credit.',
      members: [
        { name: 'Cleo', roles: ['lead'] },
        { name: 'Dan', roles: ['member', 'facilitator'] },
      ],
      domains: ['domain:credit-risk'],
      offers: [
        {
          name: 'credit-decisions',
          type: 'event',
          events: [{ type: 'com.lend.credit.decided' }],
          limits: { hours: 'Mon-Fri 08:00-18:00' },
        },
      ],
    }),
    m('Agreement', 'credit-for-intake', {
      provider: 'cell:credit',
      offer: 'credit-decisions',
      consumer: 'cell:intake',
      mode: 'x-as-a-service',
      exitCriteria: ['Intake stops lending.'],
      slos: [
        {
          name: 'decided-within-4h',
          objective: 0.9,
          request: 'com.lend.loan.requested',
          response: 'com.lend.credit.decided',
          within: '4h',
          window: '28d',
        },
      ],
    }),
    m('DecisionRight', 'process', {
      tensionType: 'process',
      decider: { cell: 'cell:credit', role: 'lead' },
      method: 'owner',
      forum: 'async',
    }),
    m('DecisionRight', 'interface', {
      tensionType: 'interface',
      decider: { cell: 'cell:credit', role: 'lead' },
      method: 'owner',
      forum: 'async',
    }),
    m('DecisionRight', 'capacity', {
      tensionType: 'capacity',
      decider: { cell: 'cell:credit', role: 'lead' },
      method: 'owner',
      forum: 'async',
    }),
  ];
}

/** Writes the organization as YAML files, one per manifest. */
export async function writeLendingOrg(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const manifest of lendingOrg()) {
    await writeFile(
      path.join(dir, `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`),
      stringify(manifest),
    );
  }
}

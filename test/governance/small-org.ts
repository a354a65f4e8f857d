import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Manifest } from '../../src/model/index.js';

/**
 * A small organization for governance tests: three cells, two agreements, a decision right per method and one
 * tension type (purpose) that nobody may decide. Tokens name members: Ana facilitates the reviews (cell ops).
 */
export function smallOrg(options: { webhookUrl?: string; reviewDate?: string } = {}): Manifest[] {
  const m = (kind: string, name: string, spec: Record<string, unknown>) =>
    ({ apiVersion: 'cello/v1', kind, metadata: { name }, spec }) as unknown as Manifest;
  return [
    m('Organization', 'tiny', {
      purpose: 'Tiny settles payments safely.',
      criteria: [
        { name: 'impact', weight: 3 },
        { name: 'urgency', weight: 2 },
      ],
      tensionTypes: ['boundary', 'priority', 'interface', 'capacity', 'process', 'purpose'].map((name) => ({ name })),
      review: { cadence: '0 14 * * 3' },
    }),
    m('Domain', 'settlement', { purpose: 'Settling payments.' }),
    m('Domain', 'scoring', { purpose: 'Scoring risk.' }),
    m('Cell', 'ops', {
      type: 'platform',
      purpose: 'Run the backbone and the reviews.',
      members: [
        { name: 'Ana', roles: ['facilitator'] },
        { name: 'Finn', roles: ['lead'] },
      ],
      offers: [{ name: 'backbone', type: 'api', url: 'https://ops.example/v1', limits: { rate: '10/s' } }],
    }),
    m('Cell', 'payments', {
      type: 'stream-aligned',
      purpose: 'Settle payments.',
      members: [
        { name: 'Bo', roles: ['lead'] },
        { name: 'Cy', roles: ['member'] },
        { name: 'Dee', roles: ['member', 'facilitator'] },
      ],
      domains: ['domain:settlement'],
      offers: [
        {
          name: 'settlements',
          type: 'event',
          events: [{ type: 'com.tiny.payment.settled' }],
          limits: { rate: '10/s' },
        },
      ],
    }),
    m('Cell', 'risk', {
      type: 'complicated-subsystem',
      purpose: 'Score risk.',
      members: [
        { name: 'Mei', roles: ['lead'] },
        { name: 'Raj', roles: ['member', 'facilitator'] },
      ],
      domains: ['domain:scoring'],
      offers: [
        { name: 'risk-signals', type: 'event', events: [{ type: 'com.tiny.risk.scored' }], limits: { rate: '10/s' } },
      ],
    }),
    m('Agreement', 'risk-for-payments', {
      provider: 'cell:risk',
      offer: 'risk-signals',
      consumer: 'cell:payments',
      mode: 'x-as-a-service',
      exitCriteria: ['Payments stops settling.'],
      slos: [
        {
          name: 'score-fast',
          objective: 0.95,
          request: 'com.tiny.payment.settled',
          response: 'com.tiny.risk.scored',
          within: '5m',
          window: '28d',
        },
      ],
      reviewDate: options.reviewDate ?? '2026-06-01',
    }),
    m('Agreement', 'payments-for-risk', {
      provider: 'cell:payments',
      offer: 'settlements',
      consumer: 'cell:risk',
      mode: 'x-as-a-service',
      exitCriteria: ['Risk stops scoring.'],
      reviewDate: '2026-06-01',
    }),
    m('DecisionRight', 'boundary', {
      tensionType: 'boundary',
      decider: { cell: 'cell:ops', role: 'facilitator' },
      method: 'consent',
      criteria: ['impact'],
      forum: 'review',
    }),
    m('DecisionRight', 'priority', {
      tensionType: 'priority',
      decider: { cell: 'cell:payments' },
      method: 'vote',
      forum: 'async',
      asyncTimeout: '48h',
    }),
    m('DecisionRight', 'interface', {
      tensionType: 'interface',
      decider: { cell: 'cell:risk', role: 'lead' },
      method: 'advice',
      forum: 'async',
      asyncTimeout: '24h',
      advisors: ['cell:payments'],
    }),
    m('DecisionRight', 'capacity', {
      tensionType: 'capacity',
      decider: { cell: 'cell:risk', role: 'lead' },
      method: 'consent',
      forum: 'async',
      asyncTimeout: '24h',
    }),
    m('DecisionRight', 'process', {
      tensionType: 'process',
      decider: { cell: 'cell:ops', role: 'lead' },
      method: 'owner',
      forum: 'async',
    }),
    m('Guardrail', 'settlements-carry-amount', {
      target: 'events',
      eventTypes: ['com.tiny.payment.settled'],
      expression: 'has(event.data.amount)',
      action: 'warn',
      message: 'A settlement names its amount.',
    }),
    ...(options.webhookUrl
      ? [
          m('Subscription', 'risk-hears-settlements', {
            cell: 'cell:risk',
            types: ['com.tiny.payment.settled'],
            actions: [{ webhook: { url: options.webhookUrl } }],
            delivery: { maxAttempts: 1, timeoutMs: 2000 },
          }),
        ]
      : []),
  ];
}

/** Writes the small organization as YAML files, one per manifest, the way an org-as-code repository holds it. */
export async function writeSmallOrg(dir: string, options: Parameters<typeof smallOrg>[0] = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const manifest of smallOrg(options)) {
    await writeFile(
      path.join(dir, `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`),
      `# ${manifest.kind} ${manifest.metadata.name}\n${stringify(manifest)}`,
    );
  }
}

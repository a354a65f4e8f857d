import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../test/support/services.js';
import type { Manifest, ManifestOf } from '../../model/index.js';
import { importTeamApi } from './import-team-api.js';

const FIXTURES = 'test/importers/fixtures/team-api';
const target = (...existingCells: string[]) => ({
  existingCells: new Map(existingCells.map((c) => [c, []])),
  organizationName: 'lendwell',
  cwd: PROJECT_ROOT,
});
const files = (...names: string[]) => names.map((n) => `${FIXTURES}/${n}`);

async function imported(...names: string[]) {
  const result = await importTeamApi(files(...names), target());
  const manifests = result.manifests.map((m) => m.manifest as Manifest);
  const cell = (name: string) =>
    manifests.find((m): m is ManifestOf<'Cell'> => m.kind === 'Cell' && m.metadata.name === name)!;
  return { result, manifests, cell };
}

describe('importing Team API documents', () => {
  it('makes a cell of each team: type, mission, members (the first facilitates unless roles say who), ways of working', async () => {
    const { cell } = await imported('payments.yaml', 'risk.json', 'platform.yaml');
    expect(cell('payments').metadata).toMatchObject({
      title: 'Payments',
      description: 'Ask in the payments channel; we pair on every change to the ledger.',
    });
    expect(cell('payments').spec).toMatchObject({
      type: 'stream-aligned',
      purpose: "Move our customers' money safely and on time.",
      members: [
        { name: 'Ana Ruiz', email: 'ana@lendwell.example', roles: ['facilitator', 'lead'] },
        { name: 'Bo Chen', email: 'bo@lendwell.example', roles: ['member'] },
      ],
    });
    expect(cell('risk').spec.members).toEqual([
      { name: 'Cy Okafor', roles: ['facilitator'] },
      { name: 'Dee Park', email: 'dee@lendwell.example', roles: ['member'] },
    ]);
    expect(cell('risk').spec.type).toBe('complicated-subsystem');
  });

  it('makes offers of services, and expectations plus draft agreements (in their interaction mode) of dependencies', async () => {
    const { manifests, cell, result } = await imported('payments.yaml', 'risk.json', 'platform.yaml');
    expect(cell('payments').spec.offers).toEqual([
      {
        name: 'payment-events',
        type: 'event',
        description: 'Payments as they settle.',
        events: [{ type: 'com.lendwell.payment.settled' }],
        limits: { rate: '50 events/s' },
      },
    ]);
    expect(cell('payments').spec.expectations).toEqual([
      {
        name: 'risk-scores',
        description: 'A risk score for every payment above 1,000 EUR.',
        provider: 'cell:risk',
        offer: 'risk-scores',
      },
      {
        name: 'event-backbone',
        description: 'Help to publish payment events without running a broker.',
        provider: 'cell:platform',
        offer: 'event-backbone',
      },
      { name: 'treasury', description: 'Daily liquidity figures.' },
    ]);
    const agreements = manifests.filter((m): m is ManifestOf<'Agreement'> => m.kind === 'Agreement');
    expect(agreements.map((a) => [a.metadata.name, a.spec.provider, a.spec.mode, a.spec.duration])).toEqual([
      ['risk-scores-for-payments', 'cell:risk', 'x-as-a-service', undefined],
      ['event-backbone-for-payments', 'cell:platform', 'collaboration', '6w'],
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'ref-unresolved',
        line: 30,
        message: expect.stringContaining(
          'depends on "Treasury", which is neither in the imported documents nor a cell',
        ),
      }),
    ]);
  });

  it('reports each way a document breaks the subset at its line, and leaves that team out', async () => {
    const { result, manifests } = await imported('broken.yaml', 'platform.yaml');
    expect(manifests.filter((m) => m.kind === 'Cell').map((m) => m.metadata.name)).toEqual(['platform']);
    const file = path.join(PROJECT_ROOT, FIXTURES, 'broken.yaml');
    const found = result.findings.map((f) => [f.ruleId, f.file, f.line, f.name, f.message]);
    expect(found).toEqual([
      ['team-api-invalid', file, 2, 'Growth', expect.stringContaining('"mission"')],
      [
        'team-api-invalid',
        file,
        4,
        'Growth',
        expect.stringContaining('unknown field "mision"; did you mean "mission"?'),
      ],
      ['team-api-invalid', file, 3, 'Growth', expect.stringContaining('did you mean "stream-aligned"?')],
    ]);
    expect(result.findings.every((f) => f.message.endsWith(' The team was not imported.'))).toBe(true);
    expect(result.findings[0]!.message).toMatch(/^The Team API document is missing the required field "mission"\./);
  });

  it('reads a folder of documents, YAML and JSON alike', async () => {
    const result = await importTeamApi([FIXTURES], target());
    expect(result.manifests.filter((m) => m.manifest.kind === 'Cell').map((m) => m.manifest.metadata.name)).toEqual([
      'payments',
      'platform',
      'risk',
    ]);
  });

  it('depends on cells the folder already has, when they offer the service named', async () => {
    const existing = {
      ...target(),
      existingCells: new Map([
        ['risk', ['risk-scores']],
        ['platform', []],
      ]),
    };
    const result = await importTeamApi(files('payments.yaml'), existing);
    const payments = result.manifests.find((m) => m.manifest.kind === 'Cell')!.manifest as ManifestOf<'Cell'>;
    expect(payments.spec.expectations?.map((e) => [e.provider, e.offer])).toEqual([
      ['cell:risk', 'risk-scores'],
      ['cell:platform', undefined],
      [undefined, undefined],
    ]);
    expect(result.manifests.filter((m) => m.manifest.kind === 'Agreement')).toHaveLength(1);
    expect(result.findings.map((f) => f.message.split(';')[0])).toEqual([
      'Payments depends on service "event-backbone" of Platform, which does not offer it',
      'Payments depends on "Treasury", which is neither in the imported documents nor a cell in the folder',
    ]);
  });
});

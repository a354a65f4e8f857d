import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../test/support/services.js';
import { validateFolder } from '../../manifests/index.js';
import type { Manifest, ManifestOf } from '../../model/index.js';
import { syncImport } from '../sync/sync-import.js';
import { importBackstage } from './import-backstage.js';

const FIXTURE = 'test/importers/fixtures/backstage/catalog-info.yaml';
const target = { existingCells: new Map<string, string[]>(), organizationName: 'fixture', cwd: PROJECT_ROOT };

async function imported() {
  const result = await importBackstage([FIXTURE], target);
  const manifests = result.manifests.map((m) => m.manifest as Manifest);
  const cell = (name: string) =>
    manifests.find((m): m is ManifestOf<'Cell'> => m.kind === 'Cell' && m.metadata.name === name)!;
  return { result, manifests, cell };
}

let out: string | undefined;
afterEach(() => (out ? rm(out, { recursive: true, force: true }) : undefined));

describe('importing a Backstage catalog', () => {
  it('makes a cell of each team group, with members from memberOf and spec.members and the parent group as labels', async () => {
    const { manifests, cell } = await imported();
    expect(manifests.filter((m) => m.kind === 'Cell').map((m) => m.metadata.name)).toEqual([
      'loans',
      'risk',
      'platform',
    ]);
    expect(cell('loans').metadata).toEqual({
      name: 'loans',
      title: 'Loans',
      labels: {
        'cello.dev/source': 'backstage group:default/loans',
        'cello.dev/parent-group': 'lending',
        'cello.dev/group-path': 'lendwell/lending',
      },
    });
    expect(cell('loans').spec.members).toEqual([
      { name: 'Ana Ruiz', email: 'ana@lendwell.example', roles: ['facilitator'] },
      { name: 'bo.chen', email: 'bo@lendwell.example', roles: ['member'] },
    ]);
    expect(cell('risk').spec.members).toEqual([{ name: 'Cy Okafor', roles: ['facilitator'] }]);
    expect(cell('platform').spec.members).toEqual([
      { name: 'Eli Novak', email: 'eli@lendwell.example', roles: ['facilitator'] },
    ]);
    const organization = manifests.find((m) => m.kind === 'Organization')!;
    expect(organization.metadata.name).toBe('lendwell');
    expect((organization as ManifestOf<'Organization'>).spec.purpose).toBe(
      'Lendwell lends to small businesses at a fair price.',
    );
  });

  it('makes domains of Domains and Systems, owned by the owner team (or the one team of an owning user)', async () => {
    const { manifests, cell, result } = await imported();
    expect(
      manifests
        .filter((m) => m.kind === 'Domain')
        .map((m) => [m.metadata.name, (m.spec as { parent?: string }).parent]),
    ).toEqual([
      ['lending', undefined],
      ['loan-origination', 'domain:lending'],
      ['scoring', 'domain:lending'],
    ]);
    expect(cell('loans').spec.domains).toEqual(['domain:lending', 'domain:loan-origination']);
    expect(cell('risk').spec.domains).toEqual(['domain:scoring']);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'owner-indirect', kind: 'System', name: 'scoring', line: 24 }),
    );
  });

  it('makes offers of APIs (an AsyncAPI one an event offer with its document), and expectations plus draft agreements of consumesApis', async () => {
    const { result, manifests, cell } = await imported();
    expect(cell('risk').spec.offers).toEqual([
      {
        name: 'risk-scores',
        type: 'api',
        description: 'The risk score of an applicant, on request.',
        url: 'https://risk.lendwell.example/openapi.yaml',
      },
    ]);
    expect(cell('platform').spec.offers).toEqual([
      {
        name: 'loan-events',
        type: 'event',
        description: 'Loan decisions as they happen.',
        asyncapi: '../asyncapi/loan-events.yaml',
      },
    ]);
    expect(parse(result.files[0]!.text)).toMatchObject({ asyncapi: '3.0.0', info: { title: 'Loan events' } });
    expect(cell('loans').spec.expectations?.map((e) => [e.name, e.provider, e.offer])).toEqual([
      ['risk-scores', 'cell:risk', 'risk-scores'],
      ['loan-events', 'cell:platform', 'loan-events'],
    ]);
    const drafts = manifests.filter((m): m is ManifestOf<'Agreement'> => m.kind === 'Agreement');
    expect(
      drafts.map((a) => [a.metadata.name, a.metadata.labels?.['cello.dev/draft'], a.spec.slos, a.spec.exitCriteria]),
    ).toEqual([
      ['risk-scores-for-loans', 'true', undefined, undefined],
      ['loan-events-for-loans', 'true', undefined, undefined],
    ]);
  });

  it('reports bad input with its file, line and entity, and what it left out, without stopping', async () => {
    const { result } = await imported();
    const at = (ruleId: string) => result.findings.find((f) => f.ruleId === ruleId)!;
    const systems = path.join(PROJECT_ROOT, 'test/importers/fixtures/backstage/systems.yaml');
    expect(at('entity-malformed')).toMatchObject({ file: systems, line: 66, kind: 'Component', name: 'Bad Name' });
    expect(at('kind-unknown')).toMatchObject({ file: systems, line: 58, kind: 'Widget', severity: 'warning' });
    expect(at('kind-unmapped')).toMatchObject({
      kind: 'Resource',
      message: expect.stringContaining('1 Resource entity was skipped'),
    });
    expect(at('owner-unresolved')).toMatchObject({
      severity: 'error',
      kind: 'API',
      name: 'fraud-checks',
      message: expect.stringContaining('group:default/fraud, which is not defined'),
    });
    expect(at('ref-unresolved').message).toContain(
      'consumes component:default/scorer, which is a Component, not an API',
    );
  });

  it('writes every field with a note on where it came from, into a folder that validates with only warnings', async () => {
    out = await mkdtemp(path.join(tmpdir(), 'cello-import-'));
    const { plan } = await syncImport({
      source: 'backstage',
      dir: out,
      cwd: PROJECT_ROOT,
      read: (t) => importBackstage([FIXTURE], t),
    });
    expect(plan.conflicts).toEqual([]);
    const text = await readFile(path.join(out, 'cells/loans.yaml'), 'utf8');
    expect(text).toMatch(
      /^# Imported by `cello import backstage` from group:default\/loans \(test\/importers\/fixtures\/backstage\/org.yaml:21\)\./,
    );
    expect(text).toContain(
      'purpose: Decide loan applications within a day. # from group:default/loans metadata.description',
    );
    expect(text).toContain('email: ana@lendwell.example # from user:default/ana.ruiz spec.profile.email');
    const validation = await validateFolder(out);
    expect(validation.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warned = new Set(validation.findings.map((f) => `${f.ruleId} ${f.name}`));
    expect(warned).toContain('agreement-slo risk-scores-for-loans');
    expect(warned).toContain('agreement-exit-criteria loan-events-for-loans');
  });
});

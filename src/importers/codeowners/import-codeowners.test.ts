import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../test/support/services.js';
import type { Manifest } from '../../model/index.js';
import { importCodeowners } from './import-codeowners.js';

const FIXTURE = 'test/importers/fixtures/CODEOWNERS';
const FILE = path.join(PROJECT_ROOT, FIXTURE);
const target = (...existingCells: string[]) => ({
  existingCells: new Map(existingCells.map((c) => [c, []])),
  organizationName: 'lendwell',
  cwd: PROJECT_ROOT,
});

describe('importing CODEOWNERS', () => {
  it('makes a domain of each owned path, owned by the cell of its one team; people listed with a team become members', async () => {
    const result = await importCodeowners(FIXTURE, target());
    const manifests = result.manifests.map((m) => m.manifest as Manifest);
    expect(manifests.filter((m) => m.kind === 'Domain').map((m) => [m.metadata.name, m.spec])).toEqual([
      ['all-files', { purpose: 'The files matching * in the repository.' }],
      ['services-loans', { purpose: 'The files matching /services/loans/ in the repository.' }],
      ['services-scoring', { purpose: 'The files matching /services/scoring/ in the repository.' }],
      ['docs-api', { purpose: 'The files matching /docs/api/ in the repository.' }],
      ['legal', { purpose: 'The files matching /legal/ in the repository.' }],
    ]);
    const cells = manifests.filter((m) => m.kind === 'Cell');
    expect(cells.map((c) => [c.metadata.name, c.spec])).toEqual([
      [
        'loans',
        expect.objectContaining({
          members: [{ name: 'ana-ruiz', roles: ['facilitator'] }],
          domains: ['domain:services-loans'],
        }),
      ],
      [
        'risk',
        expect.objectContaining({
          members: [{ name: 'cy', email: 'cy@lendwell.example', roles: ['facilitator'] }],
          domains: ['domain:services-scoring'],
        }),
      ],
    ]);
  });

  it('reports a path two teams own as the domain-owner finding at its CODEOWNERS line, and leaves the domain unowned', async () => {
    const result = await importCodeowners(FIXTURE, target());
    expect(result.findings.filter((f) => f.ruleId === 'domain-owner')).toEqual([
      {
        ruleId: 'domain-owner',
        severity: 'error',
        file: FILE,
        line: 5,
        column: 1,
        kind: 'Domain',
        name: 'docs-api',
        path: 'metadata.name',
        message: `Domain "docs-api" is owned by 2 cells: loans (${FILE}:5:23) and risk (${FILE}:5:39); a domain is an area of exclusive responsibility.`,
        hint: "keep domain:docs-api in exactly one cell's spec.domains, or split it into two domains",
      },
    ]);
  });

  it('names the line of an invalid pattern, of a path only people own, and of a team it cannot make a cell of', async () => {
    const result = await importCodeowners(FIXTURE, target());
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['codeowners-invalid', 8],
      ['owner-not-a-team', 6],
      ['domain-owner', 5],
      ['team-without-members', 2],
    ]);
    expect(result.findings[0]!.message).toBe(
      'Line 8: pattern "/src/[ab]/" uses a character range in [ ], which CODEOWNERS does not support; the line was skipped.',
    );
  });

  it('adds domains to the cells the folder already has instead of writing them anew', async () => {
    const result = await importCodeowners(FIXTURE, target('platform', 'loans'));
    const contributions = result.manifests.filter((m) => m.partial);
    expect(contributions.map((m) => m.manifest)).toEqual([
      { apiVersion: 'cello/v1', kind: 'Cell', metadata: { name: 'platform' }, spec: { domains: ['domain:all-files'] } },
      {
        apiVersion: 'cello/v1',
        kind: 'Cell',
        metadata: { name: 'loans' },
        spec: { domains: ['domain:services-loans'] },
      },
    ]);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('team-without-members');
  });

  it('finds the file in a repository folder, and refuses a folder without one', async () => {
    const fromFolder = await importCodeowners('test/importers/fixtures', target());
    expect(fromFolder.manifests.length).toBeGreaterThan(0);
    await expect(importCodeowners('test/importers/fixtures/team-api', target())).rejects.toThrow(
      /is a folder without a CODEOWNERS file \(looked in \.github\/CODEOWNERS, CODEOWNERS, docs\/CODEOWNERS\)/,
    );
  });

  it('keeps the last line of a pattern given twice, as CODEOWNERS does, and reports the earlier one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cello-codeowners-'));
    try {
      await writeFile(path.join(dir, 'CODEOWNERS'), '/a/ @o/x @p\n/a/ @o/y @q\n');
      const result = await importCodeowners(path.join(dir, 'CODEOWNERS'), target());
      expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([['codeowners-overridden', 1]]);
      expect(result.manifests.filter((m) => m.manifest.kind === 'Cell').map((m) => m.manifest.metadata.name)).toEqual([
        'y',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

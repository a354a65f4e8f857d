import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../../src/cli/index.js';
import { validateFolder } from '../../src/manifests/index.js';
import { PROJECT_ROOT } from '../support/services.js';

const FIXTURES = 'test/importers/fixtures';

async function cello(...args: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: {}, cwd: PROJECT_ROOT });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'cello-import-cli-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

describe('cello import', () => {
  it('imports a Backstage catalog into a folder that validates, reporting the catalog’s problems with file, line and entity', async () => {
    const { code, stdout } = await cello(
      'import',
      'backstage',
      `${FIXTURES}/backstage/catalog-info.yaml`,
      '--out',
      out,
    );
    expect(code).toBe(EXIT.findings);
    expect(stdout).toContain(
      `${FIXTURES}/backstage/systems.yaml:66:9  error  entity-malformed  Component/Bad Name: Component name "Bad Name" is not a valid entity name, so Backstage refuses it too.\n    fix: Use at most 63 letters and digits`,
    );
    expect(stdout).toContain(`${FIXTURES}/backstage/systems.yaml:58:7  warning  kind-unknown  Widget/dashboard:`);
    expect(stdout).toContain('  + cells/loans.yaml  Cell/loans\n');
    expect(stdout).toContain('  + agreements/risk-scores-for-loans.yaml  Agreement/risk-scores-for-loans\n');
    expect(stdout).toContain('  + asyncapi/loan-events.yaml\n');
    expect(stdout).toMatch(/cello validate .*: 0 errors and \d+ warnings in/);
    const validation = await validateFolder(out);
    expect(validation.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...validation.org.cells.keys()]).toEqual(['loans', 'platform', 'risk']);

    const again = await cello('import', 'backstage', `${FIXTURES}/backstage/catalog-info.yaml`, '--out', out);
    expect(again.stdout).toContain('Wrote 0 changes (9 manifests already up to date); 0 conflicts.');
  });

  it('adds CODEOWNERS paths to the cells already there, reporting a path two teams own at its line', async () => {
    await cello('import', 'backstage', `${FIXTURES}/backstage/catalog-info.yaml`, '--out', out);
    const { code, stdout } = await cello('import', 'codeowners', `${FIXTURES}/CODEOWNERS`, '--out', out);
    expect(code).toBe(EXIT.findings);
    expect(stdout).toContain(
      `${FIXTURES}/CODEOWNERS:5:1  error  domain-owner  Domain/docs-api: Domain "docs-api" is owned by 2 cells: loans (`,
    );
    expect(stdout).toContain(`${FIXTURES}/CODEOWNERS:8:1  error  codeowners-invalid  Line 8: pattern "/src/[ab]/"`);
    expect(stdout).toContain('  ~ cells/loans.yaml  Cell/loans  spec.domains[2]\n');
    const validation = await validateFolder(out);
    expect(validation.ok).toBe(true);
    expect(validation.org.domainOwners('services-loans')).toEqual(['loans']);
    expect(validation.org.domainOwners('all-files')).toEqual(['platform']);
    expect(validation.org.domainOwners('docs-api')).toEqual([]);
  });

  it('imports Team API documents, YAML and JSON, into a folder that validates', async () => {
    const files = ['payments.yaml', 'risk.json', 'platform.yaml'].map((f) => `${FIXTURES}/team-api/${f}`);
    const { code, stdout } = await cello('import', 'team-api', ...files, '--out', out);
    expect(stdout).toContain('warning  ref-unresolved  Team API/Payments: Payments depends on "Treasury"');
    expect(code).toBe(EXIT.ok);
    const validation = await validateFolder(out);
    expect(validation.ok).toBe(true);
    expect(validation.org.agreementsBetween('payments', 'platform')[0]?.spec.mode).toBe('collaboration');
  });

  it('prints the plan and writes nothing with --dry-run; prints JSON with --format json', async () => {
    const dry = await cello('import', 'team-api', `${FIXTURES}/team-api/platform.yaml`, '--out', out, '--dry-run');
    expect(dry.stdout).toContain(`Plan for ${path.relative(PROJECT_ROOT, out)}/ from team-api:\n  + organization.yaml`);
    expect(dry.stdout).toContain('Would write 2 changes');
    expect(await readdir(out)).toEqual([]);
    const json = await cello(
      'import',
      'team-api',
      `${FIXTURES}/team-api/platform.yaml`,
      '--out',
      out,
      '--format',
      'json',
    );
    const body = JSON.parse(json.stdout) as {
      changes: { action: string; file: string }[];
      validation: { errors: number };
    };
    expect(body.changes).toContainEqual(expect.objectContaining({ action: 'create', file: 'cells/platform.yaml' }));
    expect(body.validation.errors).toBe(0);
  });

  it('exits 2 when it cannot run: a missing source, a URL that is not http(s), no --out', async () => {
    const missing = await cello('import', 'backstage', 'no/such/catalog.yaml', '--out', out);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toContain(
      'error: "no/such/catalog.yaml" does not exist; pass a file, a folder or an http(s) URL.',
    );
    const ftp = await cello('import', 'team-api', 'ftp://example.com/team.yaml', '--out', out);
    expect(ftp.code).toBe(EXIT.failed);
    expect(ftp.stderr).toContain('is a ftp: URL; Cello imports URLs over http and https only');
    const noOut = await cello('import', 'codeowners', `${FIXTURES}/CODEOWNERS`);
    expect(noOut.code).toBe(EXIT.failed);
    expect(noOut.stderr).toContain("required option '--out <org-folder>' not specified");
  });
});

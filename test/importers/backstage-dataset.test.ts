import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../../src/cli/index.js';
import { validateFolder, type Finding } from '../../src/manifests/index.js';
import { checkDatasets, DATASETS_DIR, describeWith, PROJECT_ROOT } from '../support/services.js';

const EXAMPLES = path.relative(PROJECT_ROOT, path.join(DATASETS_DIR, 'backstage/examples'));

async function importCatalog(...sources: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', 'import', 'backstage', ...sources, '--out', out, '--format', 'json'], {
    output,
    env: {},
    cwd: PROJECT_ROOT,
  });
  const body = JSON.parse(output.stdout) as { findings: Finding[]; conflicts: unknown[] };
  const found = (ruleId: string, name?: string) =>
    body.findings.filter((f) => f.ruleId === ruleId && (name === undefined || f.name === name));
  return { code, findings: body.findings, found, validation: await validateFolder(out) };
}

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'cello-backstage-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

describeWith(checkDatasets('backstage'), 'importing the Backstage example catalog', () => {
  it('imports all.yaml with the ACME groups: each dataset problem reported, and a folder that validates with a cell per team', async () => {
    const { code, findings, found, validation } = await importCatalog(
      `${EXAMPLES}/all.yaml`,
      `${EXAMPLES}/acme/org.yaml`,
    );
    expect(code).toBe(EXIT.findings);
    // Every finding says where (file and line), which entity, and what to do.
    for (const finding of findings) {
      expect(finding.file).toMatch(/\.yaml$/);
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.kind).toBeTruthy();
      expect(finding.hint).toBeTruthy();
    }
    expect(found('location-unresolved')).toEqual([
      expect.objectContaining({
        file: `${EXAMPLES}/all.yaml`,
        line: 8,
        message: expect.stringMatching(/^Target "\.\/all-ai-resources\.yaml" resolves to .*, which does not exist/),
      }),
    ]);
    // The seven inpixon APIs name an owner nobody defines: left out, each an error.
    const unowned = found('owner-unresolved').filter((f) => f.kind === 'API');
    expect(unowned).toHaveLength(7);
    expect(unowned.every((f) => f.severity === 'error' && f.message.includes('group:default/inpixon'))).toBe(true);
    expect(found('owner-unresolved', 'audio')[0]!.message).toContain('a Group of type organization, not a team');
    expect(found('owner-unresolved', 'podcast')[0]!.message).toContain('user:default/team-b, which is not defined');
    expect(found('owner-indirect', 'playback')[0]!.message).toContain('given to cell team-c');
    expect(found('member-duplicate', 'guest')).toHaveLength(1);

    expect(validation.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...validation.org.cells.keys()].sort()).toEqual(['team-a', 'team-b', 'team-c', 'team-d']);
    expect(validation.org.organization?.metadata.name).toBe('acme-corp');
    expect(validation.org.domainOwners('playback')).toEqual(['team-c']);
    expect(validation.org.domainOwners('audio')).toEqual([]);
  });

  it('imports the whole examples folder: each name clash reported, every API an offer of a cell or reported', async () => {
    const { findings, found, validation } = await importCatalog(EXAMPLES);
    expect(found('entity-duplicate')).toHaveLength(11);
    expect(found('entity-malformed')).toEqual([
      expect.objectContaining({
        file: `${EXAMPLES}/components/invalid-component.yaml`,
        line: 4,
        name: 'invalid component',
      }),
    ]);
    expect(found('location-outside')[0]!.message).toContain('https://github.com/spotify/backstage');
    expect(found('team-without-members', 'team-e')).toHaveLength(1);
    expect(found('asyncapi-unsupported', 'streetlights')[0]!.message).toContain('"2.0.0" is not supported');

    expect(validation.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...validation.org.cells.keys()].sort()).toEqual(['team-a', 'team-b', 'team-c', 'team-d']);
    const offers = [...validation.org.cells.values()].flatMap((c) => c.spec.offers ?? []).map((o) => o.name);
    const leftOut = findings.filter(
      (f) => f.kind === 'API' && f.ruleId === 'owner-unresolved' && f.severity === 'error',
    );
    // 25 API documents, some old duplicates of others: each API is either offered by a cell or reported.
    const duplicates = found('entity-duplicate').filter((f) => f.kind === 'API').length;
    expect(duplicates).toBe(5);
    expect(offers.length + leftOut.length).toBe(25 - duplicates);
    expect(offers).toContain('streetlights');
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { smallOrg } from '../../test/governance/small-org.js';
import type { ManifestOf } from '../model/index.js';
import { manifestToYaml, removeManifestFromFolder, writeManifestIntoFolder } from './manifest-yaml.js';

const agreement = smallOrg().find((m): m is ManifestOf<'Agreement'> => m.kind === 'Agreement')!;
let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writing a new version into an org-as-code folder', () => {
  it('keeps one copy of the comment above the first document (the editor schema line)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const file = path.join(dir, 'domains.yaml');
    await writeFile(
      file,
      '# yaml-language-server: $schema=../schemas/cello.json\napiVersion: cello/v1\nkind: Domain\nmetadata:\n  name: a\nspec:\n  purpose: one\n',
    );
    await writeManifestIntoFolder(dir, {
      apiVersion: 'cello/v1',
      kind: 'Domain',
      metadata: { name: 'a' },
      spec: { purpose: 'ONE' },
    });
    const text = await readFile(file, 'utf8');
    expect(text.match(/yaml-language-server/g)).toHaveLength(1);
    expect(text).toContain('purpose: ONE');
  });

  it('updates the document in place, keeping comments and the other documents', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const file = path.join(dir, 'agreements.yaml');
    const original = [
      '# Agreements of tiny',
      'apiVersion: cello/v1',
      'kind: Domain',
      'metadata: {name: other}',
      'spec: {purpose: x}',
      '---',
      '# risk serves payments',
      'apiVersion: cello/v1',
      'kind: Agreement',
      'metadata:',
      '  name: risk-for-payments',
      'spec:',
      '  provider: cell:risk # the scorer',
      '  offer: risk-signals',
      '  consumer: cell:payments',
      '  mode: x-as-a-service',
      '  exitCriteria: [Payments stops settling.]',
      '  slos:',
      '    - {name: score-fast, objective: 0.95, request: com.tiny.payment.settled, response: com.tiny.risk.scored, within: 5m, window: 28d}',
      '  reviewDate: 2026-06-01',
      '',
    ].join('\n');
    await writeFile(file, original);
    const next = structuredClone(agreement);
    next.spec.slos![0]!.within = '2m';
    expect(await writeManifestIntoFolder(dir, next)).toBe(file);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# Agreements of tiny\napiVersion: cello/v1\nkind: Domain\nmetadata: {name: other}\n')).toBe(
      true,
    );
    expect(text).toContain('# risk serves payments');
    expect(text).toContain('provider: cell:risk # the scorer');
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    expect(docs[1]).toEqual(next);
  });

  // A decision changing one SLO re-folded every long line of the agreement and spaced its flow lists.
  it('changes only the edited line: long lines stay unfolded and flow lists keep their style', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const file = path.join(dir, 'agreement.yaml');
    const long = 'Finance publishes com.acme.finance.credit.requested with the loan id (loan-<number>) as subject.';
    const before = `apiVersion: cello/v1\nkind: Agreement\nmetadata:\n  name: pair\n  labels: { area: lending }\nspec:\n  provider: cell:risk\n  offer: risk-signals\n  consumer: cell:finance\n  mode: x-as-a-service\n  entryCriteria:\n    - ${long}\n  slos:\n    - { name: fast, objective: 0.9, request: a.b.c, response: a.b.d, within: 5m, window: 28d }\n  tags: [credit, risk]\n`;
    await writeFile(file, before);
    const [document] = parseAllDocuments(before) as unknown as { toJS(): Record<string, unknown> }[];
    const manifest = document!.toJS() as { spec: { entryCriteria: string[]; tags: string[] } };
    manifest.spec.tags = ['credit', 'scores'];
    await writeManifestIntoFolder(dir, manifest as never);
    const after = (await readFile(file, 'utf8')).split('\n');
    const changed = before.split('\n').filter((line, i) => line !== after[i]);
    expect(changed).toEqual(['  tags: [credit, risk]']);
    expect(after).toContain('  tags: [credit, scores]');
  });

  it('writes a new file when the folder has no such document', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const file = await writeManifestIntoFolder(dir, agreement);
    expect(path.basename(file)).toBe('agreement-risk-for-payments.yaml');
  });

  it('writes a new manifest where it is told, with a header and notes beside its fields, appending to a file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const domain = (name: string) =>
      ({ apiVersion: 'cello/v1', kind: 'Domain', metadata: { name }, spec: { purpose: 'Loans.' } }) as const;
    const notes = {
      header: 'Imported from a catalog.\nEdit freely.',
      fields: [{ path: ['spec', 'purpose'], note: 'from x' }],
    };
    const file = await writeManifestIntoFolder(dir, domain('loans'), { file: 'domains/all.yaml', notes });
    expect(file).toBe(path.join(dir, 'domains/all.yaml'));
    expect(await readFile(file, 'utf8')).toBe(
      '# Imported from a catalog.\n# Edit freely.\n\napiVersion: cello/v1\nkind: Domain\nmetadata:\n  name: loans\nspec:\n  purpose: Loans. # from x\n',
    );
    await writeManifestIntoFolder(dir, domain('risk'), { file: 'domains/all.yaml' });
    expect(parseAllDocuments(await readFile(file, 'utf8')).map((d) => d.toJS())).toEqual([
      domain('loans'),
      domain('risk'),
    ]);
  });

  it('notes the fields an update adds, and leaves the others as they were', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const file = path.join(dir, 'd.yaml');
    await writeFile(file, 'apiVersion: cello/v1\nkind: Domain\nmetadata:\n  name: a\nspec:\n  purpose: one # mine\n');
    await writeManifestIntoFolder(
      dir,
      { apiVersion: 'cello/v1', kind: 'Domain', metadata: { name: 'a' }, spec: { purpose: 'one', parent: 'domain:b' } },
      {
        notes: {
          fields: [
            { path: ['spec', 'parent'], note: 'from y' },
            { path: ['spec', 'purpose'], note: 'from z' },
          ],
        },
      },
    );
    const text = await readFile(file, 'utf8');
    expect(text).toContain('purpose: one # mine\n');
    expect(text).toContain('parent: domain:b # from y\n');
  });

  it('removes a document, and the file when it held nothing else', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cello-yaml-'));
    const doc = (kind: string, name: string) =>
      `apiVersion: cello/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  purpose: x\n`;
    await writeFile(
      path.join(dir, 'many.yaml'),
      `# a\n${doc('Domain', 'a')}---\n# b\n${doc('Domain', 'b')}---\n${doc('Domain', 'c')}`,
    );
    await writeFile(path.join(dir, 'one.yaml'), doc('Domain', 'd'));
    expect(await removeManifestFromFolder(dir, 'Domain', 'b')).toBe(path.join(dir, 'many.yaml'));
    expect(await readFile(path.join(dir, 'many.yaml'), 'utf8')).toBe(
      `# a\n${doc('Domain', 'a')}---\n${doc('Domain', 'c')}`,
    );
    await removeManifestFromFolder(dir, 'Domain', 'a');
    expect(
      parseAllDocuments(await readFile(path.join(dir, 'many.yaml'), 'utf8')).map((d) => d.toJS().metadata.name),
    ).toEqual(['c']);
    await removeManifestFromFolder(dir, 'Domain', 'd');
    expect(await readdir(dir)).toEqual(['many.yaml']);
    expect(await removeManifestFromFolder(dir, 'Domain', 'zz')).toBeUndefined();
  });

  it('prints a manifest without notes exactly as before', () => {
    expect(manifestToYaml(agreement)).toContain('provider: cell:');
    expect(manifestToYaml(agreement)).not.toContain('#');
  });
});

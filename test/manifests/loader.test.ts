import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifestFolder, validateFolder } from '../../src/manifests/index.js';
import { InputError } from '../../src/shared/index.js';
import { BASE, validate, variant, writeFolder } from './org-fixture.js';

const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;

const CELL = (body: string) => `apiVersion: cello/v1
kind: Cell
metadata:
  name: ops
spec:
  type: platform
  purpose: Run things.
  members:
    - name: Ann
      roles: [facilitator]
${body}`;

describe('loadManifestFolder', () => {
  it('reports every problem of every file at once, each with file:line:col', async () => {
    const { findings } = await validate(
      variant({
        'a/syntax.yaml': 'apiVersion: cello/v1\nkind: Domain\nmetadata: { name: x\n',
        'b/unknown.yaml': CELL('  offers:\n    - name: api\n      type: api\n      limts: {}\n'),
        'c/dup.yaml':
          'apiVersion: cello/v1\nkind: Domain\nmetadata:\n  name: y\nspec:\n  purpose: One.\n  purpose: Two.\n',
      }),
    );
    const byRule = Object.fromEntries(findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, where(f)]));
    expect(byRule).toMatchObject({
      'yaml-syntax': expect.stringMatching(/^a\/syntax\.yaml:\d+:\d+$/),
      'unknown-field': 'b/unknown.yaml:14:7',
      'duplicate-key': 'c/dup.yaml:7:3',
    });
    const unknown = findings.find((f) => f.ruleId === 'unknown-field');
    expect(unknown).toMatchObject({
      kind: 'Cell',
      name: 'ops',
      path: 'spec.offers[0].limts',
      message: 'spec.offers[0] has an unknown field "limts"; did you mean "limits"?',
      hint: 'rename "limts" to "limits"',
    });
  });

  it('validates each document of a multi-document file, with positions in the right document', async () => {
    const { findings } = await validate(
      variant({
        'domains.yaml': `${BASE['domains.yaml']}---\napiVersion: cello/v1\nkind: Domain\nmetadata:\n  name: second\nspec:\n  purpose: 42\n`,
      }),
    );
    const wrong = findings.find((f) => f.ruleId === 'invalid-value');
    expect(wrong).toMatchObject({ file: 'domains.yaml', line: 13, column: 12, name: 'second' });
    expect(wrong?.message).toBe('spec.purpose should be a string, but it is the number 42.');
  });

  it('explains wrong values: enums with a suggestion, missing fields, reference forms, list items', async () => {
    const { findings } = await validate(
      variant({
        'bad.yaml': `apiVersion: cello/v1
kind: Cell
metadata:
  name: ops
spec:
  type: platfrom
  members: []
  domains: [domian:x]
`,
      }),
    );
    const messages = findings
      .filter((f) => f.file === 'bad.yaml')
      .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
    expect(messages).toEqual([
      '5:1 missing-field spec is missing the required field "purpose".',
      '6:9 invalid-value spec.type is "platfrom", which is not one of stream-aligned, platform, enabling, complicated-subsystem; did you mean "platform"?',
      '7:12 invalid-value spec.members needs at least 1 item.',
      '8:13 invalid-value spec.domains[0]: "domian:x" refers to a domian, but here it must be domain:name.',
    ]);
  });

  it('rejects a wrong apiVersion, an unknown kind and a document that is not a mapping', async () => {
    const { findings } = await validate(
      variant({
        'odd.yaml':
          'apiVersion: cello/v2\nkind: Domain\nmetadata: { name: z }\nspec: { purpose: Z. }\n---\napiVersion: cello/v1\nkind: Domian\nmetadata: { name: w }\nspec: {}\n---\n- just\n- a list\n',
      }),
    );
    const odd = findings.filter((f) => f.file === 'odd.yaml').map((f) => [f.ruleId, where(f), f.message]);
    expect(odd).toEqual([
      ['api-version', 'odd.yaml:1:13', 'apiVersion "cello/v2" is not supported.'],
      ['unknown-kind', 'odd.yaml:7:7', 'kind "Domian" is not a Cello manifest kind; did you mean "Domain"?'],
      ['not-a-manifest', 'odd.yaml:11:1', 'This document is a list, not a manifest.'],
    ]);
  });

  it('keeps documents that failed their schema out of the result, without making references to them dangling', async () => {
    const dir = writeFolder(
      variant({ 'domains.yaml': BASE['domains.yaml']!.replace('purpose: Estimating default risk.', 'purpose: 3') }),
    );
    const result = await validateFolder(dir, { asyncapi: false });
    expect(result.ok).toBe(false);
    expect(result.manifests.some((m) => m.kind === 'Domain')).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['invalid-value']);
  });

  it('skips AsyncAPI documents, hidden folders and node_modules', async () => {
    const dir = writeFolder(
      variant({
        'docs/events.yaml': 'asyncapi: 3.0.0\ninfo: { title: T, version: 1.0.0 }\n',
        '.git/x.yaml': 'nonsense: [',
        'node_modules/p/x.yml': 'kind: Nope\n',
      }),
    );
    const result = await loadManifestFolder(dir, { asyncapi: false });
    expect(result.findings).toEqual([]);
    expect(result.files.map((f) => path.relative(dir, f))).toContain(path.join('docs', 'events.yaml'));
    expect(result.files.some((f) => f.includes('node_modules') || f.includes('.git'))).toBe(false);
  });

  // A 66 MB YAML file took 25 s and 1.65 GB of memory to validate; now it is not even read.
  it('refuses a file over the size limit without reading it, and still checks the others', async () => {
    const { findings } = await validate(variant({ 'big.yaml': `# ${'x'.repeat(3 * 1024 * 1024)}\n` }));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'file-too-large',
        severity: 'error',
        file: 'big.yaml',
        message: 'This file is 3.0 MiB, over the 2 MiB a manifest or AsyncAPI file may hold; it was not read.',
      }),
    ]);
  });

  it('refuses a folder that does not exist, or a file, with an InputError that says what to pass', async () => {
    await expect(loadManifestFolder('/nonexistent/cello-org')).rejects.toThrow(InputError);
    await expect(loadManifestFolder('/nonexistent/cello-org')).rejects.toThrow(
      /does not exist; pass the folder that holds your manifests/,
    );
    const dir = writeFolder({ 'x.yaml': 'a: 1\n' });
    await expect(loadManifestFolder(path.join(dir, 'x.yaml'))).rejects.toThrow(/is a file, not a folder/);
  });
});

describe('event offers that point at an AsyncAPI document', () => {
  const offer = (file: string) =>
    CELL(
      `  offers:\n    - name: signals\n      type: event\n      asyncapi: ${file}\n      events: [{ type: com.acme.ops.done }]\n      limits: { hours: 24/7 }\n`,
    );
  const good =
    'asyncapi: 3.0.0\ninfo:\n  title: Ops\n  version: 1.0.0\nchannels:\n  done:\n    address: com.acme.ops.done\n';

  it('accept a valid document, resolved relative to the manifest file', async () => {
    const dir = writeFolder({ 'cells/ops.yaml': offer('../api/ops.yaml'), 'api/ops.yaml': good });
    expect((await loadManifestFolder(dir)).findings).toEqual([]);
  });

  it('report a missing document at the asyncapi field', async () => {
    const dir = writeFolder({ 'cells/ops.yaml': offer('ops-asyncapi.yaml') });
    const [finding] = (await loadManifestFolder(dir)).findings;
    expect(finding).toMatchObject({ ruleId: 'asyncapi-missing', line: 14, column: 17, kind: 'Cell', name: 'ops' });
  });

  it('report a document that breaks the official schema with the JSON path, at its line in that document', async () => {
    const broken = good
      .replace('  version: 1.0.0\n', '')
      .replace('    address: com.acme.ops.done\n', '    address: com.acme.ops.done\n    adress: typo\n');
    const dir = writeFolder({ 'cells/ops.yaml': offer('ops-asyncapi.yaml'), 'cells/ops-asyncapi.yaml': broken });
    const findings = (await loadManifestFolder(dir)).findings.map((f) => ({ ...f, file: path.relative(dir, f.file) }));
    expect(findings.map((f) => [f.ruleId, where(f), f.path])).toEqual([
      ['asyncapi-invalid', 'cells/ops-asyncapi.yaml:7:5', '$.channels.done.adress'],
      ['asyncapi-invalid', 'cells/ops-asyncapi.yaml:2:1', '$.info'],
    ]);
    expect(findings[1]?.message).toBe(
      'The AsyncAPI document of offer "signals" breaks the official 3.0.0 schema at $.info: the required field "version" is missing.',
    );
  });
});

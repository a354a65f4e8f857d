import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../import-limits.js';
import { resolveInputs } from '../source-input.js';
import { readCatalog } from './read-catalog.js';

const location = (name: string, ...targets: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n  targets:\n${targets.map((t) => `    - ${t}\n`).join('')}`;
const group = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n`;

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function catalog(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'cello-catalog-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function read(input: string, limits = IMPORT_LIMITS) {
  return readCatalog(await resolveInputs([input], dir, ['.yaml', '.yml'], limits), limits);
}

const names = (documents: { value: unknown }[]) =>
  documents.map((d) => (d.value as { metadata: { name: string } }).metadata.name);

describe('reading a Backstage catalog', () => {
  it('follows Location targets relative to their file, reads every document of a file, and each file once', async () => {
    await catalog({
      'all.yaml': location('all', './teams/all-teams.yaml', './teams/a.yaml'),
      'teams/all-teams.yaml': location('teams', './a.yaml', 'b.yaml'),
      'teams/a.yaml': `${group('a')}---\n${group('a2')}`,
      'teams/b.yaml': group('b'),
      'unlisted.yaml': group('never-read'),
    });
    const result = await read('all.yaml');
    expect(result.findings).toEqual([]);
    expect(names(result.documents)).toEqual(['a', 'a2', 'b']);
    expect(result.files.map((f) => path.relative(dir, f))).toEqual([
      'all.yaml',
      'teams/all-teams.yaml',
      'teams/a.yaml',
      'teams/b.yaml',
    ]);
  });

  it('refuses a cycle, naming the Location and the chain', async () => {
    await catalog({ 'a.yaml': location('a', './b.yaml'), 'b.yaml': `${location('b', './a.yaml')}---\n${group('x')}` });
    const result = await read('a.yaml');
    expect(names(result.documents)).toEqual(['x']);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'location-cycle',
        severity: 'error',
        file: path.join(dir, 'b.yaml'),
        line: 7,
        column: 7,
        kind: 'Location',
        name: 'b',
        message: expect.stringContaining('a.yaml → b.yaml → a.yaml'),
      }),
    ]);
  });

  it('refuses targets outside the folder given (by path, by link, by URL) and globs; reports missing ones', async () => {
    await catalog({
      'org/all.yaml': location(
        'all',
        '../secret.yaml',
        './link.yaml',
        'https://example.com/catalog.yaml',
        './teams/*.yaml',
        './missing.yaml',
      ),
      'secret.yaml': group('secret'),
    });
    await symlink(path.join(dir, 'secret.yaml'), path.join(dir, 'org/link.yaml'));
    const result = await read('org/all.yaml');
    expect(result.documents).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['location-outside', 7],
      ['location-outside', 8],
      ['location-outside', 9],
      ['location-unresolved', 10],
      ['location-unresolved', 11],
    ]);
    expect(result.findings[0]!.message).toMatch(/^Target "..\/secret.yaml" resolves to .*, outside the folder/);
    expect(result.findings[1]!.message).toContain('is a link to');
    expect(result.findings[2]!.hint).toContain('cello import backstage https://example.com/catalog.yaml');
    expect(result.findings[4]!.message).toContain('which does not exist');
  });

  it('names the file and line of a document that is not YAML, and reads the documents around it', async () => {
    await catalog({ 'all.yaml': `${group('a')}---\nkind: Group\nmetadata: [unclosed\n---\n${group('b')}` });
    const result = await read('all.yaml');
    expect(names(result.documents)).toEqual(['a', 'b']);
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'yaml-syntax', file: path.join(dir, 'all.yaml'), line: 10 }),
    ]);
  });

  it('reads every YAML file of a folder, and refuses a URL of another scheme than http(s)', async () => {
    await catalog({ 'a.yaml': group('a'), 'sub/b.yml': group('b'), 'notes.txt': 'not read' });
    expect(names((await read('.')).documents)).toEqual(['a', 'b']);
    await expect(resolveInputs(['ftp://example.com/all.yaml'], dir, ['.yaml'], IMPORT_LIMITS)).rejects.toThrow(
      /is a ftp: URL; Cello imports URLs over http and https only/,
    );
    await expect(resolveInputs(['nope.yaml'], dir, ['.yaml'], IMPORT_LIMITS)).rejects.toThrow(
      /"nope.yaml" does not exist/,
    );
  });
});

describe('reading a catalog over http', () => {
  let server: Server;
  let base: string;
  const pages: Record<string, string> = {
    '/catalog/all.yaml': location('all', './teams.yaml', '../outside.yaml', 'file:///etc/passwd', './gone.yaml'),
    '/catalog/teams.yaml': group('a'),
    '/catalog/big.yaml': `${group('big')}# ${'x'.repeat(5000)}\n`,
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/catalog/slow.yaml') return void setTimeout(() => response.end(group('slow')), 1_000);
      const page = pages[request.url ?? ''];
      response.statusCode = page ? 200 : 404;
      response.end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(path.join(tmpdir(), 'cello-catalog-'));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('follows relative targets inside the URL folder and refuses the rest', async () => {
    const result = await read(`${base}/catalog/all.yaml`);
    expect(names(result.documents)).toEqual(['a']);
    expect(result.findings.map((f) => [f.ruleId, f.line, f.message.split(';')[0]])).toEqual([
      [
        'location-outside',
        8,
        `Target "../outside.yaml" is outside ${base}/catalog/, the URL folder the import was given`,
      ],
      ['location-outside', 9, 'Target "file:///etc/passwd" uses file:, and only http(s) is read'],
      [
        'source-unreadable',
        10,
        `Target "./gone.yaml" cannot be read: ${base}/catalog/gone.yaml answered HTTP 404 Not Found`,
      ],
    ]);
  });

  it('stops reading at the size and time limits', async () => {
    const limits = { ...IMPORT_LIMITS, maxBytes: 1024, fetchTimeoutMs: 300 };
    const big = await read(`${base}/catalog/big.yaml`, limits);
    expect(big.findings[0]!.message).toMatch(/big.yaml (holds|sent more than the) .*1 KiB/);
    const slow = await read(`${base}/catalog/slow.yaml`, limits);
    expect(slow.findings[0]!.message).toMatch(/slow.yaml did not answer in full within 0.3 s/);
    expect(slow.documents).toEqual([]);
  });
});

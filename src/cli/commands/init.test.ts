import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cello(...args: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: {}, cwd: dir });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

describe('cello init', () => {
  it('scaffolds the example organization, which then validates clean with working editor schemas', async () => {
    const created = await cello('init', 'my-org');
    expect(created.code).toBe(EXIT.ok);
    expect(created.stdout).toContain('Created an example organization in my-org');
    expect(created.stdout).toContain('Next: cello validate my-org');
    const risk = readFileSync(path.join(dir, 'my-org', 'cells', 'risk.yaml'), 'utf8');
    expect(risk.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/cello.json');
    expect(readFileSync(path.join(dir, 'my-org', 'organization.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=schemas/cello.json',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'my-org', 'schemas', 'cello.json'), 'utf8'))).toMatchObject({
      title: 'Cello manifest',
    });
    const validated = await cello('validate', 'my-org', '--now', '2026-12-01');
    expect(validated.stdout).toMatch(/^No problems/);
    expect(validated.code).toBe(EXIT.ok);
  });

  it('refuses a folder that is not empty, unless --force', async () => {
    mkdirSync(path.join(dir, 'busy'));
    writeFileSync(path.join(dir, 'busy', 'notes.txt'), 'mine');
    const refused = await cello('init', 'busy');
    expect(refused.code).toBe(EXIT.failed);
    expect(refused.stderr).toContain('busy is not empty; pass a new folder (e.g. cello init my-org) or add --force');
    const forced = await cello('init', 'busy', '--force');
    expect(forced.code).toBe(EXIT.ok);
    expect(readFileSync(path.join(dir, 'busy', 'notes.txt'), 'utf8')).toBe('mine');
  });
});

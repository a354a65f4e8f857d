import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cello-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('cello schema --out writes one JSON Schema per kind plus cello.json, and says how to use it', async () => {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', 'schema', '--out', 'editor-schemas'], { output, env: {}, cwd: dir });
  expect(code).toBe(EXIT.ok);
  const files = readdirSync(path.join(dir, 'editor-schemas')).sort();
  expect(files).toEqual([
    'agreement.json',
    'cell.json',
    'cello.json',
    'decision-right.json',
    'domain.json',
    'guardrail.json',
    'organization.json',
    'subscription.json',
    'template.json',
    'workflow.json',
  ]);
  const cell = JSON.parse(readFileSync(path.join(dir, 'editor-schemas', 'cell.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(cell).toMatchObject({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cell',
    additionalProperties: false,
  });
  expect(output.stdout).toContain('Wrote 10 JSON Schemas to editor-schemas/.');
  expect(output.stdout).toContain('# yaml-language-server: $schema=');
});

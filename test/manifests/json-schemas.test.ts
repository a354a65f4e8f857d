import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildJsonSchemas, schemaText } from '../../src/manifests/index.js';
import { PROJECT_ROOT } from '../support/services.js';

const all = buildJsonSchemas().find((s) => s.file === 'cello.json')!.schema;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

describe('JSON Schemas for editors', () => {
  it('the committed schemas/ folder is what `cello schema` writes (run `cello schema` after changing a kind)', () => {
    for (const { file, schema } of buildJsonSchemas()) {
      expect(readFileSync(path.join(PROJECT_ROOT, 'schemas', file), 'utf8'), file).toBe(schemaText(schema));
    }
  });

  it('the all-kinds schema accepts every manifest of examples/acme and rejects an unknown field or kind', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(all);
    const files = yamlFiles(path.join(PROJECT_ROOT, 'examples/acme'));
    let manifests = 0;
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8')) as unknown as {
        toJS(): Record<string, unknown>;
      }[]) {
        const value = doc.toJS();
        if ('asyncapi' in value) continue;
        manifests++;
        expect(validate(value), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
    expect(manifests).toBeGreaterThan(30);
    expect(
      validate({
        apiVersion: 'cello/v1',
        kind: 'Domain',
        metadata: { name: 'x' },
        spec: { purpose: 'P.', owner: 'y' },
      }),
    ).toBe(false);
    expect(validate({ apiVersion: 'cello/v1', kind: 'Team', metadata: { name: 'x' }, spec: {} })).toBe(false);
  });

  it('every example file names the all-kinds schema for yaml-language-server', () => {
    for (const file of yamlFiles(path.join(PROJECT_ROOT, 'examples/acme')).filter((f) => !f.includes('asyncapi'))) {
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const target = first.replace('# yaml-language-server: $schema=', '');
      expect(path.resolve(path.dirname(file), target), file).toBe(path.join(PROJECT_ROOT, 'schemas', 'cello.json'));
    }
  });
});

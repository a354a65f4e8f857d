import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateAsyncApiDocument } from '../../src/manifests/index.js';
import { DATASETS_DIR, checkDatasets, describeWith } from '../support/services.js';

const ROOT = path.join(DATASETS_DIR, 'asyncapi');
// The one official example that fails its own 3.0.0 schema (its Kafka message binding); its 3.1.0 version passes.
const KNOWN_BAD = path.join('v3.0.0', 'examples', 'adeo-kafka-request-reply-asyncapi.yml');

function examples(): { name: string; document: unknown }[] {
  const out: { name: string; document: unknown }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const document = parse(readFileSync(full, 'utf8')) as unknown;
        if (document && typeof document === 'object' && 'asyncapi' in document)
          out.push({ name: path.relative(ROOT, full), document });
      }
    }
  };
  for (const version of ['v2.6.0', 'v3.0.0', 'v3.1.0']) walk(path.join(ROOT, version, 'examples'));
  return out;
}

describeWith(checkDatasets('asyncapi'), 'the official AsyncAPI examples', () => {
  const all = examples();

  it('cover 2.6.0, 3.0.0 and 3.1.0', () => {
    expect(new Set(all.map((e) => e.name.split(path.sep)[0]))).toEqual(new Set(['v2.6.0', 'v3.0.0', 'v3.1.0']));
    expect(all.length).toBeGreaterThan(50);
  });

  it('all pass their official schema, except the one noted in the datasets README', () => {
    const failing = all
      .filter((e) => e.name !== KNOWN_BAD && validateAsyncApiDocument(e.document).problems.length > 0)
      .map((e) => e.name);
    expect(failing).toEqual([]);
  });

  it('the noted 3.0.0 example fails with the JSON path of its Kafka binding', () => {
    const bad = all.find((e) => e.name === KNOWN_BAD);
    const { version, problems } = validateAsyncApiDocument(bad?.document);
    expect(version).toBe('3.0.0');
    expect(problems.map((p) => p.jsonPath)).toEqual(['$.components.messages.costingResponse.bindings.kafka.key']);
  });
});

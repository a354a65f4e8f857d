import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { validateAsyncApiDocument } from '../../manifests/index.js';
import { CATALOG, CELLO_EVENT_TYPES } from '../../model/index.js';
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

it("cello schema --events prints an AsyncAPI 3.0.0 document of Cello's own events that the official schema accepts", async () => {
  const output = bufferedOutput();
  expect(await main(['node', 'cello', 'schema', '--events'], { output, env: {}, cwd: dir })).toBe(EXIT.ok);
  const document = JSON.parse(output.stdout) as {
    asyncapi: string;
    channels: Record<string, { address: string }>;
    operations: Record<string, { action: string }>;
    components: { messages: Record<string, { payload: { properties: { data: unknown } } }> };
  };
  expect(validateAsyncApiDocument(document)).toEqual({ version: '3.0.0', problems: [] });
  expect(Object.values(document.channels).map((c) => c.address)).toEqual(CELLO_EVENT_TYPES);
  expect(Object.keys(document.components.messages)).toEqual(CELLO_EVENT_TYPES);
  expect(new Set(Object.values(document.operations).map((o) => o.action))).toEqual(new Set(['send']));
  for (const type of CELLO_EVENT_TYPES)
    expect(document.components.messages[type]!.payload.properties.data).toEqual(
      JSON.parse(JSON.stringify(CATALOG[type].data)),
    );
});

it('cello schema --events --out writes the document to a file instead', async () => {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', 'schema', '--events', '--out', 'docs/cello-events.json'], {
    output,
    env: {},
    cwd: dir,
  });
  expect(code).toBe(EXIT.ok);
  const written = JSON.parse(readFileSync(path.join(dir, 'docs', 'cello-events.json'), 'utf8')) as { asyncapi: string };
  expect(written.asyncapi).toBe('3.0.0');
  expect(output.stdout).toBe(
    `Wrote the AsyncAPI document of Cello's ${CELLO_EVENT_TYPES.length} event types to docs/cello-events.json.\n`,
  );
});

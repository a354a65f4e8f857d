/**
 * The official CloudEvents conformance cases (../shared/datasets/cloudevents) go through the ingest
 * parser in binary and structured mode; every one must be accepted with the attributes it states, and
 * what Cello would send back out in structured mode must satisfy the official JSON Schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseHttpEvents, type RequestHeaders } from '../../src/engine/ingest/index.js';
import { toStructuredCloudEvent, type CloudEvent } from '../../src/model/index.js';
import { DATASETS_DIR, checkDatasets, describeWith } from '../support/services.js';

const DIR = path.join(DATASETS_DIR, 'cloudevents');

interface YamlCase {
  file: string;
  mode: 'binary' | 'structured';
  attributes: Record<string, string>;
  extensions: Record<string, string>;
  transport: Record<string, string>;
  data?: string;
}

function yamlCases(): YamlCase[] {
  const root = path.join(DIR, 'conformance/yaml');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
  return files.flatMap((file) =>
    // The failsafe schema keeps every scalar a string, as the conformance tool reads them (`specversion: 1.0` stays "1.0").
    parseAllDocuments(readFileSync(path.join(root, file), 'utf8'), { schema: 'failsafe' }).map((doc) => {
      const raw = doc.toJS() as Record<string, Record<string, unknown> | string | undefined>;
      const { Extensions, ...attributes } = (raw.ContextAttributes ?? {}) as Record<string, unknown>;
      return {
        file,
        mode: raw.Mode === 'structured' ? 'structured' : 'binary',
        attributes: attributes as Record<string, string>,
        extensions: (Extensions ?? {}) as Record<string, string>,
        transport: (raw.TransportExtensions ?? {}) as Record<string, string>,
        data: raw.Data as string | undefined,
      };
    }),
  );
}

/** Percent-encoding as a conforming binary-mode sender applies it to header values. */
function headerValue(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out +=
      code > 0x20 && code < 0x7f && char !== '"' && char !== '%'
        ? char
        : [...Buffer.from(char)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const isJson = (type: string | undefined) => type === undefined || type.startsWith('application/json');

function jsonOrText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asBinary(c: YamlCase): { headers: RequestHeaders; body: Buffer } {
  const headers: RequestHeaders = { ...c.transport };
  for (const [name, value] of Object.entries({ ...c.attributes, ...c.extensions })) {
    if (name === 'datacontenttype') headers['content-type'] = value;
    else headers[`ce-${name}`] = headerValue(value);
  }
  return { headers, body: Buffer.from(c.data ?? '') };
}

function asStructured(c: YamlCase): { headers: RequestHeaders; body: Buffer } {
  const event: Record<string, unknown> = { ...c.attributes, ...c.extensions };
  if (c.data !== undefined) event.data = isJson(c.attributes.datacontenttype) ? jsonOrText(c.data) : c.data;
  return {
    headers: { ...c.transport, 'content-type': 'application/cloudevents+json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(event)),
  };
}

/** What the case says the event is, normalized; 0.3 events come out as 1.0. */
function expected(c: YamlCase, mode: 'binary' | 'structured'): Record<string, unknown> {
  const json =
    mode === 'structured'
      ? isJson(c.attributes.datacontenttype)
      : c.attributes.datacontenttype?.startsWith('application/json');
  return {
    ...c.attributes,
    specversion: '1.0',
    ...(Object.keys(c.extensions).length > 0 && { extensions: c.extensions }),
    ...(c.data !== undefined && { data: json ? jsonOrText(c.data) : c.data }),
  };
}

function validatorFor(): (event: CloudEvent) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(path.join(DIR, 'cloudevents-1.0.schema.json'), 'utf8')) as object,
  );
  return (event) =>
    validate(toStructuredCloudEvent(event)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describeWith(checkDatasets('cloudevents/conformance'), 'CloudEvents conformance cases', () => {
  const cases = yamlCases();
  const schemaErrors = validatorFor();

  it('finds the cases, in both spec versions', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.attributes.specversion))).toEqual(new Set(['1.0', '0.3']));
  });

  for (const c of cases) {
    const name = `${c.file} ${c.attributes.id} (${c.attributes.datacontenttype ?? 'no datacontenttype'})`;
    for (const mode of ['binary', 'structured'] as const) {
      it(`accepts ${name} in ${mode} mode${mode === c.mode ? ' (its stated mode)' : ''}`, () => {
        const parsed = parseHttpEvents(mode === 'binary' ? asBinary(c) : asStructured(c));
        expect(parsed.mode).toBe(mode);
        expect(parsed.events).toHaveLength(1);
        expect(parsed.events[0]).toEqual(expected(c, mode));
        expect(schemaErrors(parsed.events[0]!)).toEqual([]);
      });
    }
  }

  it('accepts every case together as one batch', () => {
    const events = cases.map((c) => JSON.parse(asStructured(c).body.toString()) as unknown);
    const parsed = parseHttpEvents({
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: Buffer.from(JSON.stringify(events)),
    });
    expect(parsed.events.map((e) => e.id)).toEqual(cases.map((c) => c.attributes.id));
  });

  it('accepts every case rendered as HTTP requests, with the attributes the rendering states', () => {
    const { cases: rendered } = JSON.parse(readFileSync(path.join(DIR, 'conformance_cases_as_http.json'), 'utf8')) as {
      cases: {
        binary_http_headers: Record<string, string>;
        binary_http_body: string;
        structured_json_event: Record<string, unknown>;
      }[];
    };
    expect(rendered.length).toBeGreaterThan(0);
    for (const r of rendered) {
      const binary = parseHttpEvents({ headers: r.binary_http_headers, body: Buffer.from(r.binary_http_body) });
      const structured = parseHttpEvents({
        headers: { 'content-type': 'application/cloudevents+json' },
        body: Buffer.from(JSON.stringify(r.structured_json_event)),
      });
      expect(toStructuredCloudEvent(structured.events[0]!)).toEqual(r.structured_json_event);
      // In binary mode the body is data as bytes: JSON is parsed only when Content-Type says JSON.
      const { data: _data, ...attributes } = r.structured_json_event;
      expect(toStructuredCloudEvent(binary.events[0]!)).toMatchObject(attributes);
      expect(schemaErrors(binary.events[0]!)).toEqual([]);
    }
  });
});

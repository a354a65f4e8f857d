import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkDatasets, DATASETS_DIR, describeWith } from '../support/services.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface HttpCase {
  source_file: string;
  doc_index: number;
  structured_json_event: Record<string, unknown>;
  binary_http_headers: Record<string, string>;
  binary_http_body: string;
}

describeWith(checkDatasets('cloudevents'), 'POST /v1/events accepts every CloudEvents conformance case', () => {
  let server: TestApp;
  let cases: HttpCase[];
  beforeAll(async () => {
    server = await startTestApp();
    cases = (
      JSON.parse(readFileSync(path.join(DATASETS_DIR, 'cloudevents/conformance_cases_as_http.json'), 'utf8')) as {
        cases: HttpCase[];
      }
    ).cases;
  });
  afterAll(() => server.close());

  it('in binary and in structured mode, storing the attributes it was sent', async () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const where = `${c.source_file}#${c.doc_index}`;
      const binary = await server.call('/v1/events', {
        method: 'POST',
        headers: c.binary_http_headers,
        body: c.binary_http_body,
      });
      expect(binary.status, `${where} (binary): ${await binary.clone().text()}`).toBe(202);
      const structured = await server.call('/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(c.structured_json_event),
      });
      expect(structured.status, `${where} (structured)`).toBe(202);
      const { events } = (await structured.json()) as { events: { duplicate: boolean }[] };
      // Same source and id as the binary request: acknowledged, not stored twice.
      expect(events[0]!.duplicate, where).toBe(true);
      const stored = (await (
        await server.call(`/v1/events?source=${encodeURIComponent(String(c.structured_json_event.source))}`)
      ).json()) as {
        events: Record<string, unknown>[];
      };
      const event = stored.events.find((e) => e.id === c.structured_json_event.id)!;
      expect(event.type, where).toBe(c.structured_json_event.type);
    }
  });
});

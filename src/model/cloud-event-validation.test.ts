import { describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../shared/isomorphic.js';
import { DEFAULT_CLOUD_EVENT_LIMITS, validateCloudEvent } from './cloud-event-validation.js';
import { toStructuredCloudEvent } from './cloud-event.js';

const minimal = { specversion: '1.0', id: 'evt-1', source: '/cells/risk', type: 'com.acme.risk.score.changed' };

function refusal(raw: unknown, options = {}): InputError | LimitError {
  try {
    validateCloudEvent(raw, options);
  } catch (error) {
    if (error instanceof InputError || error instanceof LimitError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)?.slice(0, 200)} to be refused`);
}

describe('validateCloudEvent', () => {
  it('normalizes a full event: extensions in their own map, data_base64 as dataBase64', () => {
    const event = validateCloudEvent({
      ...minimal,
      subject: 'loan-42',
      time: '2026-01-05T09:00:00.123+02:00',
      datacontenttype: 'application/octet-stream',
      dataschema: 'https://acme.example/schemas/score.json#/defs/a',
      data_base64: 'AAEC',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      priority: 3,
      urgent: true,
    });
    expect(event).toEqual({
      ...minimal,
      subject: 'loan-42',
      time: '2026-01-05T09:00:00.123+02:00',
      datacontenttype: 'application/octet-stream',
      dataschema: 'https://acme.example/schemas/score.json#/defs/a',
      dataBase64: 'AAEC',
      extensions: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', priority: 3, urgent: true },
    });
    expect(toStructuredCloudEvent(event)).toMatchObject({ data_base64: 'AAEC', priority: 3 });
  });

  it('treats null optional attributes as absent, as the JSON format allows', () => {
    expect(validateCloudEvent({ ...minimal, subject: null, datacontenttype: null, data: null, ext: null })).toEqual(
      minimal,
    );
  });

  it.each([
    ['an absolute URI', 'https://github.com/cloudevents'],
    ['a mailto URI', 'mailto:cncf-wg-serverless@lists.cncf.io'],
    ['a URN', 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66'],
    ['a relative path', 'cloudevents/spec/pull/123'],
    ['an absolute path', '/sensors/tn-1234567/alerts'],
    ['a phone number', '1-555-123-4567'],
    ['a network-path reference', '//github.com/cloudevents/conformance'],
    ['an IPv6 host', 'http://[::1]:8080/x?y=1#z'],
    ['percent-encoding', '/cells/risk%20team'],
  ])('accepts %s as source', (_what, source) => {
    expect(validateCloudEvent({ ...minimal, source }).source).toBe(source);
  });

  it.each(['2026-01-05T09:00:00Z', '2024-02-29T23:59:60.5z', '2026-01-05t09:00:00.123456789-05:30'])(
    'accepts the timestamp %s',
    (time) => {
      expect(validateCloudEvent({ ...minimal, time }).time).toBe(time);
    },
  );

  it('accepts extension names longer than the 20 characters the spec recommends', () => {
    const name = 'averyveryverylongextensionname';
    expect(validateCloudEvent({ ...minimal, [name]: 'x' }).extensions).toEqual({ [name]: 'x' });
  });

  it('keeps tab and line feed in strings (an official conformance case ends an extension value with one)', () => {
    expect(
      validateCloudEvent({ ...minimal, comexampleextension2: '{"othervalue": 5}\n' }).extensions?.comexampleextension2,
    ).toBe('{"othervalue": 5}\n');
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'no specversion',
      { ...minimal, specversion: undefined },
      'specversion',
      /Attribute "specversion" is missing; set it to "1.0"/,
    ],
    [
      'specversion 0.2',
      { ...minimal, specversion: '0.2' },
      'specversion',
      /"0.2"; Cello accepts CloudEvents 1.0 only; set it to "1.0"/,
    ],
    ['a numeric specversion', { ...minimal, specversion: 1 }, 'specversion', /is number 1, but it must be a string/],
    ['an empty id', { ...minimal, id: '' }, 'id', /Attribute "id" is empty; give every event an id/],
    ['a numeric id', { ...minimal, id: 42 }, 'id', /"id" is number 42, but it must be a string/],
    ['no source', { ...minimal, source: null }, 'source', /"source" is missing/],
    [
      'a source with a space',
      { ...minimal, source: 'risk team' },
      'source',
      /"risk team", which is not a URI-reference/,
    ],
    ['a source with a bad escape', { ...minimal, source: '/a%zz' }, 'source', /not a URI-reference/],
    ['a source with a colon in a relative path', { ...minimal, source: '1abc:x' }, 'source', /not a URI-reference/],
    ['no type', { ...minimal, type: undefined }, 'type', /"type" is missing; set it to a reverse-DNS event type/],
    ['an empty subject', { ...minimal, subject: '' }, 'subject', /"subject" is empty/],
    [
      'a time without zone',
      { ...minimal, time: '2026-01-05T09:00:00' },
      'time',
      /not an RFC 3339 timestamp; write .* 2026-01-05T09:00:00Z/,
    ],
    ['a time on 30 February', { ...minimal, time: '2026-02-30T09:00:00Z' }, 'time', /not an RFC 3339 timestamp/],
    ['a time with a space', { ...minimal, time: '2026-01-05 09:00:00Z' }, 'time', /not an RFC 3339 timestamp/],
    ['a relative dataschema', { ...minimal, dataschema: 'schemas/score.json' }, 'dataschema', /not an absolute URI/],
    [
      'a datacontenttype without subtype',
      { ...minimal, datacontenttype: 'json' },
      'datacontenttype',
      /not a media type \(RFC 2046\)/,
    ],
    [
      'an upper-case extension name',
      { ...minimal, traceId: 'x' },
      'traceId',
      /not a valid attribute name; .* e\.g\. "traceid"/,
    ],
    [
      'an extension name with a dash',
      { ...minimal, 'trace-id': 'x' },
      'trace-id',
      /lower-case letters a-z and digits 0-9 only/,
    ],
    [
      'an object extension value',
      { ...minimal, meta: { a: 1 } },
      'meta',
      /is an object, but extension values must be strings, integers or booleans/,
    ],
    [
      'a fractional extension value',
      { ...minimal, score: 0.5 },
      'score',
      /is 0.5, but extension numbers must be 32-bit integers/,
    ],
    ['an extension beyond 32 bits', { ...minimal, big: 2 ** 31 }, 'big', /32-bit integers/],
    [
      'both data and data_base64',
      { ...minimal, data: 'x', data_base64: 'eA==' },
      'data_base64',
      /set together with data/,
    ],
    ['data_base64 that is not base64', { ...minimal, data_base64: 'not base64!' }, 'data_base64', /not base64/],
    ['a NUL in an id', { ...minimal, id: 'a\u0000b' }, 'id', /U\+0000 at position 1/],
    ['a lone surrogate in a subject', { ...minimal, subject: 'x\ud800' }, 'subject', /U\+D800/],
  ])('refuses %s, naming the attribute', (_what, raw, field, message) => {
    const error = refusal(raw);
    expect(error).toBeInstanceOf(InputError);
    expect(error.details.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses what is not an object', () => {
    expect(refusal(['x']).message).toBe(
      'The event is an array, not a JSON object; send an object with specversion, id, source and type.',
    );
    expect(refusal('x').message).toMatch(/The event is "x", not a JSON object/);
  });

  it('names the batch position in the message and the details', () => {
    const error = refusal({ ...minimal, time: 'yesterday' }, { where: 'Batch event at index 3', index: 3 });
    expect(error.message).toMatch(/^Batch event at index 3: attribute "time" is "yesterday"/);
    expect(error.details).toEqual({ field: 'time', index: 3 });
  });

  it('names binary-mode headers when asked to', () => {
    expect(refusal({ ...minimal, id: undefined }, { binary: true }).message).toMatch(/^Header ce-id is missing/);
    expect(refusal({ ...minimal, datacontenttype: 'nope' }, { binary: true }).message).toMatch(
      /^The Content-Type header is "nope"/,
    );
  });

  it('refuses an event over the size limit and says which attribute makes it large', () => {
    const error = refusal({ ...minimal, data: 'x'.repeat(DEFAULT_CLOUD_EVENT_LIMITS.maxEventBytes) });
    expect(error).toBeInstanceOf(LimitError);
    expect(error.details).toMatchObject({ field: 'data', limit: 262_144 });
    expect(error.message).toMatch(/over the limit of 256 KiB; most of it is attribute "data"/);
  });

  it('measures UTF-8 bytes, not characters', () => {
    const limits = { ...DEFAULT_CLOUD_EVENT_LIMITS, maxEventBytes: 200 };
    expect(() => validateCloudEvent({ ...minimal, data: 'é'.repeat(60) }, { limits })).toThrow(LimitError);
    expect(validateCloudEvent({ ...minimal, data: 'e'.repeat(60) }, { limits }).data).toHaveLength(60);
  });

  it('refuses an attribute value over the length limit', () => {
    const error = refusal({ ...minimal, subject: 's'.repeat(5000) });
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toMatch(/Attribute "subject" is 5000 characters long, over the limit of 4096/);
  });

  it('refuses extension names past the hard bound', () => {
    expect(refusal({ ...minimal, ['a'.repeat(65)]: 'x' }).message).toMatch(/65-character name, over the limit of 64/);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../../shared/index.js';
import { compileIngestLimits } from './ingest-limits.js';
import { parseHttpEvents, type RequestHeaders } from './parse-http-events.js';

const ce = {
  'ce-specversion': '1.0',
  'ce-id': 'evt-1',
  'ce-source': '/cells/risk',
  'ce-type': 'com.acme.risk.score.changed',
};
const event = { specversion: '1.0', id: 'evt-1', source: '/cells/risk', type: 'com.acme.risk.score.changed' };

function binary(headers: RequestHeaders, body: string | Buffer = '') {
  return parseHttpEvents({ headers, body: Buffer.from(body) });
}

function post(contentType: string, body: unknown) {
  return parseHttpEvents({
    headers: { 'content-type': contentType },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  });
}

function refusal(run: () => unknown): InputError | LimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError || error instanceof LimitError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('parseHttpEvents: binary mode', () => {
  it('reads attributes from ce- headers and parses a JSON body as data', () => {
    const parsed = binary(
      {
        ...ce,
        'content-type': 'application/json; charset=utf-8',
        'ce-time': '2026-01-05T09:00:00Z',
        'ce-riskclass': 'b',
      },
      '{"score":0.91}',
    );
    expect(parsed).toEqual({
      mode: 'binary',
      events: [
        {
          ...event,
          time: '2026-01-05T09:00:00Z',
          datacontenttype: 'application/json; charset=utf-8',
          data: { score: 0.91 },
          extensions: { riskclass: 'b' },
        },
      ],
    });
  });

  it('matches header names in any case', () => {
    const parsed = binary(
      {
        'CE-SpecVersion': '1.0',
        'Ce-Id': 'evt-1',
        'ce-SOURCE': '/cells/risk',
        'ce-type': 'com.acme.x',
        'Content-Type': 'text/plain',
      },
      'hi',
    );
    expect(parsed.events[0]).toMatchObject({
      id: 'evt-1',
      source: '/cells/risk',
      datacontenttype: 'text/plain',
      data: 'hi',
    });
  });

  it.each([
    ['a +json type', 'application/vnd.acme+json', '[1,2]', { data: [1, 2] }],
    ['text in UTF-8', 'text/plain; charset=utf-8', 'Hello, 🌎!\n', { data: 'Hello, 🌎!\n' }],
    ['XML', 'application/xml', '<msg>hi</msg>', { data: '<msg>hi</msg>' }],
    ['text in Latin-1', 'text/plain; charset=iso-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]), { data: 'café' }],
    ['bytes', 'application/octet-stream', Buffer.from([0, 1, 2, 255]), { dataBase64: 'AAEC/w==' }],
    ['UTF-8 without a Content-Type', undefined, '{"world":"hello"}\n', { data: '{"world":"hello"}\n' }],
    ['bytes without a Content-Type', undefined, Buffer.from([0xff, 0xfe]), { dataBase64: '//4=' }],
  ])('keeps %s as data', (_what, contentType, body, expected) => {
    const headers: RequestHeaders = contentType ? { ...ce, 'content-type': contentType } : { ...ce };
    expect(binary(headers, body).events[0]).toMatchObject(expected);
  });

  it('has no data when the body is empty', () => {
    const [only] = binary({ ...ce }).events;
    expect(only).toEqual(event);
  });

  it('percent-decodes header values and undoes double quotes', () => {
    const [only] = binary({
      ...ce,
      'ce-subject': 'Euro%20%E2%82%AC%20%f0%9f%98%80',
      'ce-note': '"a \\"quoted\\" note"',
    }).events;
    expect(only?.subject).toBe('Euro € 😀');
    expect(only?.extensions?.note).toBe('a "quoted" note');
  });

  it('keeps quotes inside a value that is not wholly quoted, such as raw JSON', () => {
    const [only] = binary({
      ...ce,
      'ce-subject': '{"othervalue": 5}',
      'ce-note': '"a" and "b"',
      'ce-half': '"abc',
    }).events;
    expect(only?.subject).toBe('{"othervalue": 5}');
    expect(only?.extensions).toEqual({ note: '"a" and "b"', half: '"abc' });
  });

  it('upgrades a CloudEvents 0.3 event to 1.0', () => {
    const [only] = binary({ ...ce, 'ce-specversion': '0.3', 'ce-schemaurl': 'https://acme.example/s.json' }).events;
    expect(only).toEqual({ ...event, dataschema: 'https://acme.example/s.json' });
  });
});

describe('parseHttpEvents: structured and batched modes', () => {
  it('reads one event in the JSON format, charset allowed', () => {
    const parsed = post('application/cloudevents+json; charset=UTF-8', {
      ...event,
      data: { score: 0.91 },
      riskclass: 'b',
    });
    expect(parsed).toEqual({
      mode: 'structured',
      events: [{ ...event, data: { score: 0.91 }, extensions: { riskclass: 'b' } }],
    });
  });

  it('reads a batch in order', () => {
    const parsed = post('application/cloudevents-batch+json', [event, { ...event, id: 'evt-2', data_base64: 'AAE=' }]);
    expect(parsed.mode).toBe('batch');
    expect(parsed.events.map((e) => e.id)).toEqual(['evt-1', 'evt-2']);
    expect(parsed.events[1]?.dataBase64).toBe('AAE=');
  });

  it('accepts an empty batch, as the binding allows', () => {
    expect(post('application/cloudevents-batch+json', [])).toEqual({ mode: 'batch', events: [] });
  });

  it('upgrades 0.3 events in the JSON format: schemaurl and base64 data', () => {
    const old = {
      ...event,
      specversion: '0.3',
      schemaurl: 'https://acme.example/s.json',
      datacontentencoding: 'base64',
      data: 'AAE=',
    };
    expect(post('application/cloudevents+json', old).events[0]).toEqual({
      ...event,
      dataschema: 'https://acme.example/s.json',
      dataBase64: 'AAE=',
    });
  });

  it('refuses the whole batch for one bad event, naming its index and attribute', () => {
    const error = refusal(() =>
      post('application/cloudevents-batch+json', [event, event, { ...event, id: 'evt-3', time: 'now' }]),
    );
    expect(error.details).toEqual({ field: 'time', index: 2 });
    expect(error.message).toMatch(/^Batch event at index 2 \(the whole batch is refused\): attribute "time" is "now"/);
  });

  it('measures each event of a large batch against the event limit', () => {
    const limits = compileIngestLimits({ maxEventBytes: 1024 });
    const events = [event, { ...event, id: 'big', data: 'x'.repeat(2000) }];
    const error = refusal(() =>
      parseHttpEvents(
        {
          headers: { 'content-type': 'application/cloudevents-batch+json' },
          body: Buffer.from(JSON.stringify(events)),
        },
        limits,
      ),
    );
    expect(error).toBeInstanceOf(LimitError);
    expect(error.details).toMatchObject({ field: 'data', index: 1 });
  });
});

describe('parseHttpEvents: malformed requests', () => {
  const structured = 'application/cloudevents+json';
  const cases: [string, () => unknown, Record<string, unknown>, RegExp][] = [
    [
      'bad JSON',
      () => post(structured, '{"specversion": "1.0",\n "id": }'),
      { field: 'body', line: 2, column: 8 },
      /not valid JSON: found "}" where a value was expected at line 2, column 8/,
    ],
    [
      'a truncated body',
      () => post(structured, '{"id": "a"'),
      { field: 'body' },
      /found the end of the body where "," or "}" was expected/,
    ],
    [
      'a JSON body that is not UTF-8',
      () => parseHttpEvents({ headers: { 'content-type': structured }, body: Buffer.from([0x7b, 0xff, 0x7d]) }),
      { field: 'body' },
      /not valid UTF-8/,
    ],
    [
      'JSON declared in another charset',
      () => post(`${structured}; charset=latin1`, event),
      { field: 'Content-Type' },
      /charset=latin1, but JSON is read as UTF-8/,
    ],
    [
      'a structured body that is an array',
      () => post(structured, [event]),
      {},
      /The event is an array, not a JSON object/,
    ],
    [
      'a batch that is not an array',
      () => post('application/cloudevents-batch+json', event),
      { field: 'body' },
      /must be a JSON array of events/,
    ],
    [
      'a content type without ce- headers',
      () => post('application/json', event),
      { field: 'Content-Type' },
      /"application\/json" and no ce- headers.*application\/cloudevents\+json \(one event\)/,
    ],
    [
      'no content type and no ce- headers',
      () => binary({}, 'x'),
      { field: 'Content-Type' },
      /has no Content-Type and no ce- headers/,
    ],
    [
      'an event format Cello does not read',
      () => post('application/cloudevents+avro', 'x'),
      { field: 'Content-Type' },
      /event format Cello does not read/,
    ],
    [
      'a missing ce-id header',
      () => binary({ ...ce, 'ce-id': undefined }),
      { field: 'id' },
      /^Header ce-id is missing/,
    ],
    [
      'an empty ce-source header',
      () => binary({ ...ce, 'ce-source': '' }),
      { field: 'source' },
      /^Header ce-source is empty/,
    ],
    [
      'a ce-datacontenttype header',
      () => binary({ ...ce, 'ce-datacontenttype': 'text/plain' }),
      { field: 'datacontenttype' },
      /may not be sent in binary mode/,
    ],
    ['a ce-data header', () => binary({ ...ce, 'ce-data': 'x' }), { field: 'data' }, /the data is the request body/],
    ['a repeated ce- header', () => binary({ ...ce, 'ce-x': ['a', 'b'] }), { field: 'x' }, /sent more than once/],
    [
      'a bad percent-encoding',
      () => binary({ ...ce, 'ce-subject': '100%' }),
      { field: 'subject' },
      /"%" at position 3, which is not a percent-encoded byte; write a literal % as %25/,
    ],
    [
      'an overlong UTF-8 encoding',
      () => binary({ ...ce, 'ce-subject': 'a%C0%A0b' }),
      { field: 'subject' },
      /not valid UTF-8/,
    ],
    [
      'an invalid Content-Type in binary mode',
      () => binary({ ...ce, 'content-type': 'json' }, '{}'),
      { field: 'datacontenttype' },
      /^The Content-Type header is "json", which is not a media type/,
    ],
    [
      'a JSON body that is not JSON',
      () => binary({ ...ce, 'content-type': 'application/json' }, '{nope}'),
      { field: 'data' },
      /The body \(the event's data, Content-Type application\/json\) is not valid JSON/,
    ],
    [
      'text that is not in its charset',
      () => binary({ ...ce, 'content-type': 'text/plain' }, Buffer.from([0xc3, 0x28])),
      { field: 'data' },
      /not valid utf-8/,
    ],
    [
      'a bad extension header name',
      () => binary({ ...ce, 'ce-trace_id': 'x' }),
      { field: 'trace_id' },
      /^Header ce-trace_id is not a valid attribute name/,
    ],
    [
      'a 0.3 event with an unknown encoding',
      () => post(structured, { ...event, specversion: '0.3', datacontentencoding: 'gzip' }),
      { field: 'datacontentencoding' },
      /defines only "base64"/,
    ],
  ];

  it.each(cases)('refuses %s, naming what is wrong', (_what, run, details, message) => {
    const error = refusal(run);
    expect(error.details).toMatchObject(details);
    expect(error.message).toMatch(message);
  });

  it('refuses a body over the limit before reading it', () => {
    const limits = compileIngestLimits({ maxBodyBytes: 10 });
    const error = refusal(() =>
      parseHttpEvents({ headers: { 'content-type': structured }, body: Buffer.from(JSON.stringify(event)) }, limits),
    );
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toMatch(/over the limit of 10; send fewer or smaller events/);
  });

  it('refuses a batch with too many events', () => {
    const limits = compileIngestLimits({ maxBatchEvents: 2 });
    const body = Buffer.from(JSON.stringify([event, event, event]));
    const error = refusal(() =>
      parseHttpEvents({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body }, limits),
    );
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toMatch(/The batch has 3 events, over the limit of 2/);
  });

  it('refuses an oversize binary event, blaming the body', () => {
    const limits = compileIngestLimits({ maxEventBytes: 100 });
    const error = refusal(() =>
      parseHttpEvents({ headers: { ...ce, 'content-type': 'text/plain' }, body: Buffer.from('x'.repeat(500)) }, limits),
    );
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toMatch(/most of it is the body/);
  });

  it('refuses JSON nested deeper than the limit, which later steps could not walk', () => {
    const deep = `{"specversion":"1.0","id":"a","source":"/s","type":"t","data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = refusal(() => post(structured, deep));
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toMatch(
      /^The request body nests arrays and objects more than 64 levels deep \(at byte 125\); flatten the data/,
    );
    const data = refusal(() => binary({ ...ce, 'content-type': 'application/json' }, '['.repeat(65) + ']'.repeat(65)));
    expect(data.details).toMatchObject({ field: 'data', limit: 64 });
    expect(binary({ ...ce, 'content-type': 'application/json' }, '['.repeat(64) + ']'.repeat(64)).events).toHaveLength(
      1,
    );
  });

  it('refuses nonsense limits at start-up', () => {
    expect(() => compileIngestLimits({ maxBatchEvents: 0 })).toThrow(
      /Ingest limit maxBatchEvents is 0; give a positive whole number/,
    );
  });
});

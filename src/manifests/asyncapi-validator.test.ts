import { describe, expect, it } from 'vitest';
import { toJsonPath, validateAsyncApiDocument } from './asyncapi-validator.js';

const v3 = {
  asyncapi: '3.0.0',
  info: { title: 'Risk signals', version: '1.0.0' },
  channels: {
    'risk/score': { address: 'com.acme.risk.score.changed', messages: { changed: { payload: { type: 'object' } } } },
  },
};
const v26 = {
  asyncapi: '2.6.0',
  info: { title: 'Risk signals', version: '1.0.0' },
  channels: { 'risk/score': { subscribe: { message: { payload: { type: 'object' } } } } },
};

describe('validateAsyncApiDocument', () => {
  it('accepts small valid 2.6.0 and 3.0.0 documents', () => {
    expect(validateAsyncApiDocument(v26)).toEqual({ version: '2.6.0', problems: [] });
    expect(validateAsyncApiDocument(v3).problems).toEqual([]);
  });

  it('names the JSON path of each problem, keeping the leaf rather than every oneOf branch above it', () => {
    const broken = { ...v3, info: { title: 'x' }, channels: { 'risk/score': { address: 5 } } };
    expect(validateAsyncApiDocument(broken).problems.map((p) => `${p.jsonPath} ${p.message}`)).toEqual([
      '$.channels["risk/score"].address must be string,null',
      '$.info the required field "version" is missing',
    ]);
  });

  it('refuses a version it cannot check, and a document without one', () => {
    expect(validateAsyncApiDocument({ asyncapi: '1.2.0' }).problems[0]?.message).toMatch(
      /"1.2.0" is not supported; use one of 2.6.0, 3.0.0, 3.1.0/,
    );
    expect(validateAsyncApiDocument({ info: {} }).problems[0]).toMatchObject({ jsonPath: '$.asyncapi' });
  });

  it('writes JSON paths with brackets for keys that are not identifiers', () => {
    expect(toJsonPath(['channels', 'user/signedup', 'messages', 0])).toBe('$.channels["user/signedup"].messages[0]');
  });
});

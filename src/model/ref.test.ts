import { describe, expect, it } from 'vitest';
import { formatRef, parseRef } from './ref.js';

describe('refs', () => {
  it('parses and formats the one string form', () => {
    expect(parseRef('cell:risk')).toEqual({ prefix: 'cell', kind: 'Cell', name: 'risk' });
    expect(parseRef('template:case-handling@2')).toMatchObject({ name: 'case-handling', version: 2 });
    expect(formatRef(parseRef('template:case-handling@2'))).toBe('template:case-handling@2');
  });

  it('explains the expected form when a reference is malformed', () => {
    expect(() => parseRef('risk', ['cell'])).toThrow(/write it as cell:name/);
    expect(() => parseRef('domain:loans', ['cell'])).toThrow(/must be cell:name/);
    expect(() => parseRef('cell:Risk')).toThrow(/lower-case letters/);
    expect(() => parseRef('cell:risk@2')).toThrow(/only templates are versioned/);
  });
});

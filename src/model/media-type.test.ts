import { describe, expect, it } from 'vitest';
import { parseMediaType } from './media-type.js';

describe('parseMediaType', () => {
  it('reads type, subtype and parameters, lower-casing what is case-insensitive', () => {
    expect(parseMediaType('Application/CloudEvents+JSON; Charset=UTF-8')).toEqual({
      essence: 'application/cloudevents+json',
      type: 'application',
      subtype: 'cloudevents+json',
      parameters: { charset: 'UTF-8' },
    });
  });

  it('unquotes quoted parameter values', () => {
    expect(parseMediaType('multipart/form-data; boundary="a \\"b\\" c"')?.parameters.boundary).toBe('a "b" c');
  });

  it('tolerates an empty parameter, as HTTP stacks do', () => {
    expect(parseMediaType('text/plain;')?.essence).toBe('text/plain');
  });

  it.each([
    'json',
    'text/',
    '/plain',
    'text /plain',
    'text/plain; charset',
    'text/plain; charset="utf-8',
    'text/plain garbage',
    '',
  ])('refuses %j', (text) => {
    expect(parseMediaType(text)).toBeUndefined();
  });
});

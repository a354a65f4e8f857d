import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorFromAnswer } from './error-codes.js';
import { LimitError, NotFoundError, RateLimitError, RouteNotFoundError } from './errors.js';

describe('ERROR_CODES', () => {
  it('names each class by the code it carries', () => {
    for (const [code, { error }] of Object.entries(ERROR_CODES)) expect(new error('m').code).toBe(code);
  });

  it('tells a missing route from a missing record, and a rate limit is still a limit', () => {
    const route = errorFromAnswer(404, { code: 'route_not_found', message: 'There is no GET /v1/x.' });
    expect(route).toBeInstanceOf(RouteNotFoundError);
    expect(route).not.toBeInstanceOf(NotFoundError);
    const rate = errorFromAnswer(429, { code: 'rate_limited', message: 'Slow down.' });
    expect(rate).toBeInstanceOf(RateLimitError);
    expect(rate).toBeInstanceOf(LimitError);
  });

  it('keeps the details and records the status the server answered with; an unknown code is left to the caller', () => {
    expect(errorFromAnswer(404, { code: 'not_found', message: 'No.', details: { field: 'id' } })?.details).toEqual({
      field: 'id',
      status: 404,
    });
    expect(errorFromAnswer(418, { code: 'teapot', message: 'No.' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { TENSION_ROUTES } from '../../../src/model/http/index.js';
import { capabilitiesFrom } from './capabilities.js';

describe('capabilitiesFrom', () => {
  // OpenAPI writes parameters as {name}, and the name may differ from the contract's.
  const caps = capabilitiesFrom({
    paths: {
      [TENSION_ROUTES.list.url]: { get: {}, post: {} },
      [TENSION_ROUTES.comment.url.replace(':id', '{tension}')]: { post: {} },
    },
  });

  it('knows the documented operations, whatever the parameter is called', () => {
    expect(caps.has(TENSION_ROUTES.list)).toBe(true);
    expect(caps.has(TENSION_ROUTES.raise)).toBe(true);
    expect(caps.has(TENSION_ROUTES.comment)).toBe(true);
    expect(caps.has(TENSION_ROUTES.advise)).toBe(false);
  });

  it('offers nothing when the document is missing', () => {
    expect(capabilitiesFrom(undefined).operations).toEqual([]);
  });
});

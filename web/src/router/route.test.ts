import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route.js';

describe('routes', () => {
  it('reads every page from its path and writes the same path back', () => {
    for (const path of [
      '/map',
      '/sign-in',
      '/cells/risk',
      '/signals',
      '/tensions',
      '/tensions/T-3',
      '/review',
      '/review/R-2',
      '/insights',
    ]) {
      expect(hrefOf(parseRoute(path))).toBe(path);
    }
  });

  it('opens the map at / and says which paths it does not know', () => {
    expect(parseRoute('/')).toEqual({ page: 'map' });
    expect(parseRoute('/cells/a/b')).toEqual({ page: 'not-found', path: '/cells/a/b' });
    expect(parseRoute('/nope')).toEqual({ page: 'not-found', path: '/nope' });
  });

  it('decodes and encodes names', () => {
    expect(parseRoute('/cells/cs%20emea')).toEqual({ page: 'cell', cell: 'cs emea' });
    expect(hrefOf({ page: 'cell', cell: 'cs emea' })).toBe('/cells/cs%20emea');
  });
});

import { describe, expect, it } from 'vitest';
import { capabilitiesFrom } from './capabilities.js';

describe('capabilitiesFrom', () => {
  const caps = capabilitiesFrom({
    paths: { '/v1/tensions': { get: {}, post: {} }, '/v1/tensions/{id}/comments': { post: {} } },
  });

  it('knows the documented operations, whatever the parameter is called', () => {
    expect(caps.has('GET', '/v1/tensions')).toBe(true);
    expect(caps.has('post', '/v1/tensions/:tension/comments')).toBe(true);
    expect(caps.has('DELETE', '/v1/tensions')).toBe(false);
  });

  it('picks the first endpoint this server has', () => {
    expect(caps.first('GET', '/v1/insights/slo', '/v1/tensions')).toBe('/v1/tensions');
    expect(caps.first('GET', '/v1/insights/slo')).toBeUndefined();
  });

  it('offers nothing when the document is missing', () => {
    expect(capabilitiesFrom(undefined).operations).toEqual([]);
  });
});

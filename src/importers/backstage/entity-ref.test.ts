import { describe, expect, it } from 'vitest';
import { formatEntityRef, parseEntityRef } from './entity-ref.js';

describe('Backstage entity refs', () => {
  it('fills in the kind and namespace a reference leaves out', () => {
    const defaults = { kind: 'group', namespace: 'default' };
    expect(parseEntityRef('team-a', defaults)).toEqual({ kind: 'group', namespace: 'default', name: 'team-a' });
    expect(parseEntityRef('user:frank.tiernan', defaults)).toEqual({
      kind: 'user',
      namespace: 'default',
      name: 'frank.tiernan',
    });
    expect(parseEntityRef('Group:Development/team-a', defaults)).toEqual({
      kind: 'group',
      namespace: 'development',
      name: 'team-a',
    });
    expect(formatEntityRef(parseEntityRef('default/Team-A', defaults)!)).toBe('group:default/team-a');
  });

  it('is undefined for what is not a reference', () => {
    expect(parseEntityRef('api-x', { namespace: 'default' })).toBeUndefined();
    expect(parseEntityRef('', { kind: 'group', namespace: 'default' })).toBeUndefined();
    expect(parseEntityRef(42, { kind: 'group', namespace: 'default' })).toBeUndefined();
    expect(parseEntityRef('a:b:c', { kind: 'group', namespace: 'default' })).toBeUndefined();
  });
});

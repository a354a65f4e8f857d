import { describe, expect, it } from 'vitest';
import { smallOrg } from '../../../test/governance/small-org.js';
import { buildOrgModel } from '../../manifests/index.js';
import { assertBelongs, assertDecider, holdsRight } from '../access-checks.js';
import { routeTension, type RoutedTo } from './route-tension.js';

const model = buildOrgModel(smallOrg());
const routed = (type: string) => routeTension(model, type) as RoutedTo;

describe('routing a tension by its decision right', () => {
  it('names the decider cell and role, method, forum, criteria and window', () => {
    expect(routed('boundary')).toMatchObject({
      routed: true,
      right: 'boundary',
      deciderCell: 'ops',
      deciderRole: 'facilitator',
      method: 'consent',
      forum: 'review',
      criteria: ['impact'],
      asyncTimeout: '72h',
      holders: ['Ana'],
    });
    expect(routed('interface')).toMatchObject({
      method: 'advice',
      forum: 'async',
      asyncTimeoutMs: 86_400_000,
      advisors: ['payments'],
    });
  });

  it('flags a tension type nobody may decide', () => {
    const route = routeTension(model, 'purpose');
    expect(route.routed).toBe(false);
    expect(route.routed === false && route.reason).toMatch(/Nobody holds the right to decide "purpose" tensions/);
  });
});

describe('who may decide', () => {
  const ana = { kind: 'cell' as const, cell: 'ops', tokenId: 't1', member: 'Ana' };
  const finn = { kind: 'cell' as const, cell: 'ops', tokenId: 't2', member: 'Finn' };
  const mei = { kind: 'cell' as const, cell: 'risk', tokenId: 't3', member: 'Mei' };

  it('is the member of the decider cell with the role', () => {
    expect(holdsRight(model, ana, routed('boundary'))).toBe(true);
    expect(holdsRight(model, finn, routed('boundary'))).toBe(false);
    expect(holdsRight(model, { kind: 'admin' }, routed('boundary'))).toBe(false);
  });

  it('refuses anyone else with a message naming who holds the right', () => {
    expect(() => assertDecider(model, mei, routed('boundary'), { id: 'T-1', type: 'boundary' })).toThrow(
      'Only members of cell:ops with the facilitator role (Ana) may decide "boundary" tensions such as T-1 (DecisionRight/boundary); Mei of cell:risk may not.',
    );
    expect(() =>
      assertDecider(model, { ...ana, member: undefined }, routed('boundary'), { id: 'T-1', type: 'boundary' }),
    ).toThrow(/names no member, so it holds no role/);
  });

  it('lets only the cells that belong to a tension act on it', () => {
    const tension = { id: 'T-2', cells: ['payments'], raiserCell: 'payments' };
    expect(() => assertBelongs(mei, tension, undefined, 'comment on it')).toThrow(
      'Only the cells involved in tension T-2 (cell:payments) may comment on it; Mei of cell:risk may not.',
    );
    expect(() => assertBelongs(mei, tension, routed('interface'), 'comment on it')).not.toThrow();
  });
});

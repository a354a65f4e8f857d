import { describe, expect, it } from 'vitest';
import { mergeFields } from './merge-fields.js';

const cell = (purpose: string, members: { name: string; roles: string[] }[], domains: string[]) => ({
  kind: 'Cell',
  metadata: { name: 'team-a' },
  spec: { type: 'stream-aligned', purpose, members, domains },
});
const ana = { name: 'Ana', roles: ['facilitator'] };
const bo = { name: 'Bo', roles: ['member'] };
const cy = { name: 'Cy', roles: ['member'] };

describe('mergeFields', () => {
  it('takes a change made on one side, and the same change on both sides once', () => {
    const base = cell('Old purpose', [ana], []);
    expect(mergeFields(base, base, cell('New purpose', [ana], [])).value).toEqual(cell('New purpose', [ana], []));
    expect(mergeFields(base, cell('Ours', [ana], []), base).value).toEqual(cell('Ours', [ana], []));
    expect(mergeFields(base, cell('Same', [ana], []), cell('Same', [ana], []))).toEqual({
      value: cell('Same', [ana], []),
      conflicts: [],
    });
  });

  it('merges different fields changed on each side, and list items by name or by value', () => {
    const base = cell('Purpose', [ana, bo], ['domain:a']);
    const ours = cell('Our purpose', [ana, { ...bo, roles: ['lead'] }], ['domain:a', 'domain:mine']);
    const theirs = cell('Purpose', [ana, bo, cy], ['domain:a', 'domain:new']);
    expect(mergeFields(base, ours, theirs)).toEqual({
      value: cell('Our purpose', [ana, { ...bo, roles: ['lead'] }, cy], ['domain:a', 'domain:mine', 'domain:new']),
      conflicts: [],
    });
  });

  it('removes what one side removed and the other left alone', () => {
    const base = cell('P', [ana, bo], ['domain:a', 'domain:b']);
    const theirs = cell('P', [ana], ['domain:b']);
    expect(mergeFields(base, base, theirs).value).toEqual(theirs);
    const { value } = mergeFields({ x: 1, y: 2 }, { x: 1, y: 2, z: 3 }, { x: 1 });
    expect(value).toEqual({ x: 1, z: 3 });
  });

  it('reports a field both sides changed differently, keeping ours unless told otherwise', () => {
    const base = cell('Base', [ana], []);
    const ours = cell('Ours', [ana], []);
    const theirs = cell('Theirs', [ana], []);
    expect(mergeFields(base, ours, theirs)).toEqual({
      value: ours,
      conflicts: [{ path: ['spec', 'purpose'], base: 'Base', ours: 'Ours', theirs: 'Theirs', took: 'ours' }],
    });
    expect(mergeFields(base, ours, theirs, { resolve: () => 'theirs' }).value).toEqual(theirs);
  });

  it('reports an item one side removed and the other changed, at its index', () => {
    const base = cell('P', [ana, bo], []);
    const ours = cell('P', [ana], []);
    const theirs = cell('P', [ana, { ...bo, roles: ['lead'] }], []);
    const { value, conflicts } = mergeFields(base, ours, theirs);
    expect(value).toEqual(ours);
    expect(conflicts).toEqual([
      { path: ['spec', 'members', 1], base: bo, theirs: { ...bo, roles: ['lead'] }, took: 'ours' },
    ]);
  });

  it('treats values both sides added without a base as additions: equal ones merge, different ones conflict', () => {
    const { value, conflicts } = mergeFields(undefined, { a: 1, b: [1, 2] }, { a: 2, b: [2, 3], c: 4 });
    expect(value).toEqual({ a: 1, b: [1, 2, 3], c: 4 });
    expect(conflicts.map((c) => c.path)).toEqual([['a']]);
  });

  it("keeps ours' order when ours reordered the list, else theirs' order, placing one-sided items after their neighbour", () => {
    expect(mergeFields(['a', 'b', 'c'], ['c', 'a', 'b'], ['a', 'b', 'x', 'c']).value).toEqual(['c', 'a', 'b', 'x']);
    expect(mergeFields(['a', 'b', 'c'], ['a', 'o', 'b', 'c'], ['c', 'b', 'a']).value).toEqual(['c', 'b', 'a', 'o']);
  });

  it('merges lists of steps by id, the way a workflow adaptation meets a new template version', () => {
    const step = (id: string, type: string) => ({ id, mode: 'adaptable', on: { type } });
    const base = [step('intake', 'x.opened'), step('decide', 'x.reviewed')];
    const ours = [step('intake', 'x.opened'), step('check', 'x.checked'), step('decide', 'x.reviewed')];
    const theirs = [step('intake', 'x.created'), step('decide', 'x.reviewed')];
    expect(mergeFields(base, ours, theirs).value).toEqual([
      step('intake', 'x.created'),
      step('check', 'x.checked'),
      step('decide', 'x.reviewed'),
    ]);
  });

  it('treats a list whose items have no identity as one field', () => {
    const { value, conflicts } = mergeFields([[1]], [[1], [2]], [[3]]);
    expect(value).toEqual([[1], [2]]);
    expect(conflicts).toEqual([{ path: [], base: [[1]], ours: [[1], [2]], theirs: [[3]], took: 'ours' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { StringInterner } from './string-interner.js';

describe('StringInterner', () => {
  it('numbers strings in order of first appearance, few or many', () => {
    const interner = new StringInterner();
    const ids: number[] = [];
    // 5 000 distinct strings, each seen three times in scattered order, past the scan limit and several table doublings.
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 5000; i++) ids.push(interner.intern(`case-${(i * 7919) % 5000}`));
    expect(interner.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(interner.values[ids[i]!]).toBe(`case-${(i * 7919) % 5000}`);
    expect(ids.slice(5000, 10000)).toEqual(ids.slice(0, 5000));
    expect(ids.slice(0, 5000)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('tells apart strings that differ only in case, accents or beyond the Basic Multilingual Plane', () => {
    const interner = new StringInterner();
    const names = ['Review', 'review', 'résumé', 'resume', '😀', '😁', '', ' '];
    for (const name of [...names, ...names.slice().reverse()]) interner.intern(name);
    expect(interner.values).toEqual(names);
    expect(names.map((name) => interner.intern(name))).toEqual(names.map((_, i) => i));
  });

  it('gives a fresh copy of a string the index of the original', () => {
    const interner = new StringInterner();
    for (let i = 0; i < 100; i++) interner.intern(`type.${i}`);
    // Built at run time, so not the same string object as the one interned.
    const copy = ['type', '42'].join('.');
    expect(interner.intern(copy)).toBe(42);
    expect(interner.size).toBe(100);
  });
});

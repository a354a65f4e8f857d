import { describe, expect, it } from 'vitest';
import { median, percentile, percentileUnsorted, summarizeDurations, summarizeUnsorted } from './duration-summary.js';
import { selectRank } from './select-rank.js';

/** A small deterministic generator (mulberry32), so failures repeat. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Value sets that trip selection up: sorted, reversed, all equal, few distinct, fractional, tiny. */
function samples(): Float64Array[] {
  const next = random(11);
  const sets: number[][] = [[5], [2, 1], [3, 3, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]];
  for (const n of [17, 100, 1001, 4096]) {
    sets.push(Array.from({ length: n }, () => Math.floor(next() * 1e9)));
    sets.push(Array.from({ length: n }, () => Math.floor(next() * 4) * 60_000));
    sets.push(Array.from({ length: n }, () => Math.round(next() * 1e9) / 1000));
    sets.push(Array.from({ length: n }, (_, i) => i * 1000));
  }
  return sets.map((values) => Float64Array.from(values));
}

describe('selection statistics', () => {
  it('finds every rank a sort would put there', () => {
    for (const values of samples()) {
      const sorted = values.slice().sort();
      for (const k of [0, values.length >> 1, values.length - 1, Math.floor((values.length - 1) * 0.9)]) {
        expect(selectRank(values.slice(), k)).toBe(sorted[k]);
      }
    }
  });

  it('summarizes unsorted durations exactly as sorted ones, fractions included', () => {
    for (const values of samples()) {
      const sorted = values.slice().sort();
      expect(summarizeUnsorted(values.slice())).toEqual(summarizeDurations(sorted));
      expect(percentileUnsorted(values.slice(), 0.9)).toBe(percentile(sorted, 0.9));
      expect(summarizeUnsorted(values.slice()).medianMs).toBe(Math.round(median(sorted)! * 1000) / 1000);
    }
    expect(summarizeUnsorted(new Float64Array())).toEqual({ meanMs: null, medianMs: null, minMs: null, maxMs: null });
    expect(percentileUnsorted(new Float64Array(), 0.9)).toBeNull();
  });
});

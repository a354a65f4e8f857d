/** A small deterministic random source: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A number in [min, max), more often near `min` when `skew` > 1 (waiting times: mostly short, a few long). */
  between(min: number, max: number, skew?: number): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item, each as likely as its weight (all alike without weights). */
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
}

/** A 32-bit hash of text (FNV-1a), to derive one independent stream per seed and case. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A mulberry32 generator seeded from `key` (e.g. `1/loan-100001`): each case gets its own stream, so adding
 * cases or changing one story's rules leaves every other case as it was.
 */
export function createSeededRandom(key: string): SeededRandom {
  let state = hash32(key);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max, skew = 1) => min + (max - min) * next() ** skew,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[], weights?: readonly number[]): T {
      if (!weights) return items[Math.floor(next() * items.length)]!;
      const total = weights.reduce((sum, w) => sum + w, 0);
      let roll = next() * total;
      for (let i = 0; i < items.length; i++) {
        roll -= weights[i]!;
        if (roll < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
}

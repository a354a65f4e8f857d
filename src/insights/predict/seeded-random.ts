/** A random number generator in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32: a small, fast generator whose sequence depends only on the seed, so a model trained twice on
 * the same log is the same model (and its figures the same).
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct entries of `items`, drawn at random: a partial Fisher–Yates shuffle of `items` in place. */
export function pickDistinct(items: Int32Array, count: number, random: Random): Int32Array {
  const n = Math.min(count, items.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
  return items.subarray(0, n);
}

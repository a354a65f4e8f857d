/**
 * Moves the value of rank `k` (0-based, ascending) to `values[k]` and returns it: no greater value lies before it
 * and no smaller one after it (Hoare's selection, expected linear time). Reorders `values`; NaN is not expected.
 */
export function selectRank(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  // Past this many rounds the pivots have been unlucky: sorting what is left bounds the cost.
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (hi > lo) {
    if (rounds-- === 0) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    const pivot = medianOfThree(values, lo, (lo + hi) >>> 1, hi);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    // Now values[lo..j] ≤ pivot ≤ values[i..hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

function medianOfThree(values: Float64Array, a: number, b: number, c: number): number {
  const x = values[a]!;
  const y = values[b]!;
  const z = values[c]!;
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

/** The smallest of `values[from..]`. */
export function minFrom(values: Float64Array, from: number): number {
  let min = values[from]!;
  for (let i = from + 1; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/** The largest of `values[..to)`. */
export function maxBefore(values: Float64Array, to: number): number {
  let max = values[0]!;
  for (let i = 1; i < to; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

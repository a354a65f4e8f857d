/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Every n-th label, so at most `room` labels are drawn along an axis. */
export function labelStep(count: number, room: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, room)));
}

/** The indexes of each unbroken run of values, so a line stops at a missing value instead of bridging it. */
export function lineRuns(values: readonly (number | null)[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  values.forEach((value, i) => {
    if (value !== null) {
      current.push(i);
    } else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Axis tops for durations whose halves are whole units too, so both labels stay short (`4 h`, `2 h`). */
const DURATION_TOPS = [
  2 * S,
  10 * S,
  20 * S,
  MIN,
  2 * MIN,
  10 * MIN,
  20 * MIN,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  4 * DAY,
  8 * DAY,
  14 * DAY,
  28 * DAY,
];

/** A readable upper bound for a duration axis (ms), at least `max`. */
export function niceDurationMax(max: number): number {
  if (!(max > 0)) return 2 * S;
  if (max < S) return niceMax(max);
  return DURATION_TOPS.find((top) => top >= max) ?? niceMax(max / DAY) * DAY;
}

import { InputError } from './errors.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** Whether `text` is a duration such as `90s`, `4h`, `28d` or `6w`. */
export function isDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Parses `90s`, `15m`, `4h`, `28d`, `6w` into milliseconds. */
export function parseDuration(text: string, where = 'duration'): number {
  const match = DURATION.exec(text.trim());
  if (!match) {
    throw new InputError(
      `${where} "${text}" is not a duration; write a number and a unit, e.g. 30s, 15m, 4h, 28d or 6w.`,
      { field: where, value: text },
    );
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Formats milliseconds in the largest unit that keeps it readable: `1.5h`, `3d`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [UNIT_MS.d, 'd'],
    [UNIT_MS.h, 'h'],
    [UNIT_MS.m, 'm'],
    [UNIT_MS.s, 's'],
  ];
  for (const [size, unit] of units) {
    if (abs >= size) return `${Number((ms / size).toFixed(1))}${unit}`;
  }
  return `${Math.round(ms)}ms`;
}

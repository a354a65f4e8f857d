const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/** A duration for people: `850 ms`, `4.2 s`, `4 h 5 m`, `3 d 2 h`; two units at most. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1_000).toFixed(abs < 10_000 ? 1 : 0)} s`;
  const index = UNITS.findIndex(([, size]) => abs >= size);
  const [unit, size] = UNITS[index]!;
  const whole = Math.floor(abs / size);
  const next = UNITS[index + 1];
  const part = next ? Math.floor((abs - whole * size) / next[1]) : 0;
  return `${sign}${whole} ${unit}${next && part > 0 ? ` ${part} ${next[0]}` : ''}`;
}

/** "3 min ago", "in 2 d", or the date when further than a week. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '–';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const diff = now - at;
  const abs = Math.abs(diff);
  if (abs < 45_000) return diff >= 0 ? 'just now' : 'in a moment';
  if (abs > 7 * 86_400_000) return formatDate(iso);
  const text = formatDuration(abs).split(' ').slice(0, 2).join(' ');
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** `2026-01-05 09:00` in the viewer's time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `0.953` → `95.3%`. */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${(share * 100).toFixed(digits)}%`;
}

/** 1234567 → `1,234,567`. */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return '–';
  return count.toLocaleString('en-US');
}

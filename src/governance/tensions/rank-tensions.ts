import type { Priority, Severity, Tension } from '../../model/index.js';
import type { Score } from './score-tension.js';

export type { Priority } from '../../model/index.js';

const DAY_MS = 86_400_000;

/**
 * How the agenda weighs a tension, out of 100: its score by the organization's criteria, its severity, how long
 * it has waited since it was raised, and how late it was raised after the gap was first seen (a gap that festered
 * unspoken has cost more already). Age and lateness saturate at `saturationDays`.
 */
export const PRIORITY_WEIGHTS = { score: 50, severity: 15, age: 20, lateness: 15, saturationDays: 28 } as const;

const SEVERITY_SHARE: Record<Severity, number> = { low: 0, medium: 1 / 3, high: 2 / 3, critical: 1 };

/** The priority of one tension at `now`. */
export function priorityOf(
  tension: Pick<Tension, 'severity' | 'raisedAt' | 'observedAt'>,
  score: Pick<Score, 'total' | 'max' | 'share'>,
  now: Date,
): Priority {
  const w = PRIORITY_WEIGHTS;
  const ageDays = Math.max(0, now.getTime() - Date.parse(tension.raisedAt)) / DAY_MS;
  const latenessDays = Math.max(0, Date.parse(tension.raisedAt) - Date.parse(tension.observedAt)) / DAY_MS;
  const parts = {
    score: round(w.score * score.share),
    severity: round(w.severity * SEVERITY_SHARE[tension.severity]),
    age: round(w.age * Math.min(ageDays / w.saturationDays, 1)),
    lateness: round(w.lateness * Math.min(latenessDays / w.saturationDays, 1)),
  };
  const total = round(parts.score + parts.severity + parts.age + parts.lateness);
  const explanation =
    `score ${score.total}/${score.max} → ${parts.score} + severity ${tension.severity} → ${parts.severity}` +
    ` + waited ${days(ageDays)} → ${parts.age} + raised ${days(latenessDays)} after it was seen → ${parts.lateness} = ${total}`;
  return { total, parts, ageDays: round(ageDays), latenessDays: round(latenessDays), explanation };
}

/** Orders tensions for an agenda: highest priority first; ties go to the one raised first. */
export function rankTensions<T extends { tension: Pick<Tension, 'raisedAt' | 'number'>; priority: Priority }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      b.priority.total - a.priority.total ||
      Date.parse(a.tension.raisedAt) - Date.parse(b.tension.raisedAt) ||
      a.tension.number - b.tension.number,
  );
}

function days(n: number): string {
  return n < 1 ? `${round(n * 24)}h` : `${round(n)}d`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

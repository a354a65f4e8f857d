import type {
  DurationStats,
  GovernanceMetrics,
  ReviewWeek,
  Decision,
  Review,
  Tension,
  TensionState,
} from '../model/index.js';
import { formatDuration } from '../shared/index.js';
import { TENSION_STATES } from '../model/index.js';

export type { DurationStats, GovernanceMetrics, ReviewWeek } from '../model/index.js';

export interface MetricsInput {
  tensions: readonly Tension[];
  decisions: readonly Decision[];
  reviews: readonly Review[];
  isRouted(type: string): boolean;
  /** Inclusive lower bound on raisedAt / closedAt / decidedAt (RFC 3339). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
}

/** Computes the governance metrics from the record; tensions count by when they were raised, reviews by when they closed. */
export function computeGovernanceMetrics(input: MetricsInput): GovernanceMetrics {
  const within = (at: string | undefined) =>
    at !== undefined && (!input.from || at >= input.from) && (!input.to || at < input.to);
  const tensions = input.tensions.filter((t) => within(t.raisedAt));
  const ids = new Set(tensions.map((t) => t.id));
  const byState = Object.fromEntries(
    TENSION_STATES.map((s) => [s, tensions.filter((t) => t.state === s).length]),
  ) as Record<TensionState, number>;
  const surface = (list: readonly Tension[]) =>
    stats(list.map((t) => Date.parse(t.raisedAt) - Date.parse(t.observedAt)));
  const firstDecision = new Map<string, string>();
  for (const d of input.decisions) {
    const seen = firstDecision.get(d.tensionId);
    if (!seen || d.decidedAt < seen) firstDecision.set(d.tensionId, d.decidedAt);
  }
  const toDecision = tensions
    .filter((t) => firstDecision.has(t.id))
    .map((t) => Date.parse(firstDecision.get(t.id)!) - Date.parse(t.raisedAt));
  const closed = input.reviews.filter((r) => r.state === 'closed' && within(r.closedAt));
  const weeks = new Map<string, ReviewWeek>();
  for (const r of [...closed].sort((a, b) => a.closedAt!.localeCompare(b.closedAt!))) {
    const week = isoWeek(new Date(r.closedAt!));
    const entry = weeks.get(week) ?? { week, closed: 0, withoutDecision: 0, share: 0 };
    entry.closed++;
    if (r.noDecision) entry.withoutDecision++;
    entry.share = entry.withoutDecision / entry.closed;
    weeks.set(week, entry);
  }
  const withoutDecision = closed.filter((r) => r.noDecision).length;
  const person = tensions.filter((t) => t.origin === 'person');
  const detector = tensions.filter((t) => t.origin === 'detector');
  return {
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    tensions: {
      raised: tensions.length,
      byOrigin: { person: person.length, detector: detector.length },
      byState,
      unrouted: tensions.filter((t) => !input.isRouted(t.type)).length,
    },
    timeToSurface: { ...surface(tensions), byOrigin: { person: surface(person), detector: surface(detector) } },
    timeToDecision: stats(toDecision),
    reviews: {
      closed: closed.length,
      withoutDecision,
      shareWithoutDecision: closed.length ? withoutDecision / closed.length : null,
      byWeek: [...weeks.values()],
    },
    reopened: {
      tensions: tensions.filter((t) => t.reopened > 0).length,
      times: tensions.reduce((n, t) => n + t.reopened, 0),
    },
    escalations: input.decisions.filter((d) => d.outcome === 'escalate' && ids.has(d.tensionId)).length,
    workflowEscalations: tensions
      .filter((t) => t.detector === 'workflow-escalation')
      .reduce((n, t) => n + t.occurrences, 0),
  };
}

/** Count, median and mean of durations in ms. */
export function stats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, medianMs: null, meanMs: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { count: sorted.length, medianMs: median, meanMs: mean, median: formatDuration(median) };
}

/** The ISO 8601 week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

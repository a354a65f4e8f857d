import type { HealthReport, HealthStatus, Manifest, WeekHealth } from '../../model/index.js';
import { formatDuration } from '../../shared/index.js';
import { findLateEscalations } from '../anomalies/late-escalations.js';
import type { GovernanceHistory, TensionFacts } from '../facts/governance-history.js';
import { compareText } from '../mining/compare-text.js';
import { roundShare } from '../stats/quantiles.js';
import { bucketSize, bucketStart } from '../stats/time-buckets.js';
import { boundaryHealth } from './boundary-health.js';
import type { CaseRework } from './case-rework.js';

export { HEALTH_STATUSES, type HealthReport, type HealthStatus, type WeekHealth } from '../../model/index.js';

/** Thresholds of the report; ARCHITECTURE.md says why. */
export interface HealthOptions {
  /** Weeks of trend (ISO weeks, Monday 00:00 UTC); the current, incomplete week is the last. */
  weeks: number;
  /** A tension waiting for a decision longer than this is aging. */
  agingAfterMs: number;
  /** A tension raised later than this after its first signal is late. */
  lateAfterMs: number;
}

/** What the report is computed from: the applied manifests and facts read from the log. */
export interface HealthInput {
  now: Date;
  manifests: readonly Manifest[];
  history: GovernanceHistory;
  cases: readonly CaseRework[];
  /** Event types seen in the log, with their counts. */
  typesSeen: ReadonlyMap<string, number>;
}

const worst = (...statuses: HealthStatus[]): HealthStatus =>
  statuses.includes('act') ? 'act' : statuses.includes('watch') ? 'watch' : 'healthy';
const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** The orchestration health report: teams, boundaries and conflicts now, with a weekly trend. */
export function buildHealthReport(input: HealthInput, options: HealthOptions): HealthReport {
  const nowMs = input.now.getTime();
  const week = bucketSize('week');
  const fromMs = bucketStart(nowMs, 'week') - (options.weeks - 1) * week;
  const inRange = (t: number | undefined) => t !== undefined && t >= fromMs && t <= nowMs;
  const tensions = input.history.tensions;

  const priority = tensions.filter((t) => t.type === 'priority' && inRange(t.raisedAtMs));
  const cases = input.cases.filter((c) => inRange(c.firstMs));
  const reworkCases = cases.filter((c) => c.rework).length;
  const reviews = input.history.reviews.filter((r) => inRange(r.closedAtMs));
  const teams = {
    priorityDisputes: {
      count: priority.length,
      byCell: countBy(priority.flatMap((t) => t.cells)).map(([cell, count]) => ({ cell, count })),
    },
    rework: {
      cases: cases.length,
      reworkCases,
      share: cases.length === 0 ? null : roundShare(reworkCases / cases.length),
      byCell: reworkByCell(cases),
    },
    reviews: {
      closed: reviews.length,
      withoutDecision: reviews.filter((r) => r.noDecision).length,
      undecidedItems: reviews.reduce((n, r) => n + Math.max(0, r.items - r.decided), 0),
    },
  };
  const teamSignals: [HealthStatus, string][] = [];
  const share = teams.rework.share ?? 0;
  if (share >= 0.1)
    teamSignals.push([
      share >= 0.25 ? 'act' : 'watch',
      `${percent(share)} of ${cases.length} cases repeat an activity (rework).`,
    ]);
  if (teams.reviews.withoutDecision > 0) {
    teamSignals.push([
      teams.reviews.withoutDecision >= 2 ? 'act' : 'watch',
      `${teams.reviews.withoutDecision} of ${reviews.length} tension reviews ended without a decision.`,
    ]);
  }
  if (priority.length > 0)
    teamSignals.push([priority.length >= 5 ? 'act' : 'watch', `${priority.length} priority dispute(s) were raised.`]);

  const boundaries = boundaryHealth(input.manifests, input.typesSeen, input.now);
  const boundarySignals: [HealthStatus, string][] = [];
  for (const d of boundaries.doublyOwnedDomains)
    boundarySignals.push(['act', `Domain ${d.domain} is owned by ${d.cells.join(' and ')}.`]);
  for (const t of boundaries.doublyOwnedEventTypes)
    boundarySignals.push(['act', `Event type ${t.type} is offered by ${t.cells.join(' and ')}.`]);
  for (const d of boundaries.unownedDomains) boundarySignals.push(['watch', `No cell owns domain ${d}.`]);
  for (const t of boundaries.unownedEventTypes)
    boundarySignals.push(['watch', `No cell offers ${t.type}, yet the log holds ${t.events} of them.`]);
  for (const c of boundaries.consumersWithoutAgreements) boundarySignals.push(['watch', c.message]);

  const awaitingNow = tensions.filter((t) => awaitingAt(t, nowMs));
  const aging = awaitingNow
    .filter((t) => nowMs - t.raisedAtMs > options.agingAfterMs)
    .map((t) => ({
      tension: t.id,
      title: t.title,
      type: t.type,
      cells: t.cells,
      raisedAt: new Date(t.raisedAtMs).toISOString(),
      ageMs: nowMs - t.raisedAtMs,
    }))
    .sort((a, b) => b.ageMs - a.ageMs || compareText(a.tension, b.tension));
  const late = findLateEscalations(tensions, { lateAfterMs: options.lateAfterMs, fromMs });
  const conflictSignals: [HealthStatus, string][] = [];
  for (const a of aging) {
    conflictSignals.push([
      a.ageMs > 2 * options.agingAfterMs ? 'act' : 'watch',
      `Tension ${a.tension} (${a.type}) has waited ${formatDuration(a.ageMs)} for a decision.`,
    ]);
  }
  if (late.late.length > 0) {
    conflictSignals.push([
      late.late.length >= 3 ? 'act' : 'watch',
      `${late.late.length} tension(s) surfaced more than ${formatDuration(options.lateAfterMs)} after the gap was first seen.`,
    ]);
  }

  const teamsStatus = worst(...teamSignals.map(([s]) => s));
  const boundaryStatus = worst(...boundarySignals.map(([s]) => s));
  const conflictStatus = worst(...conflictSignals.map(([s]) => s));
  return {
    schema: 'cello.health/1',
    generatedAt: input.now.toISOString(),
    from: new Date(fromMs).toISOString(),
    status: worst(teamsStatus, boundaryStatus, conflictStatus),
    teams: { status: teamsStatus, signals: teamSignals.map(([, s]) => s), ...teams },
    boundaries: { status: boundaryStatus, signals: boundarySignals.map(([, s]) => s), ...boundaries },
    conflicts: {
      status: conflictStatus,
      signals: conflictSignals.map(([, s]) => s),
      awaiting: awaitingNow.length,
      aging,
      late: late.late,
      medianSurfaceMs: late.medianSurfaceMs,
      escalated: tensions.filter((t) => t.escalations > 0 && inRange(t.raisedAtMs)).length,
    },
    trend: weeklyTrend(input, options, fromMs),
  };
}

function weeklyTrend(input: HealthInput, options: HealthOptions, fromMs: number): WeekHealth[] {
  const week = bucketSize('week');
  const nowMs = input.now.getTime();
  const out: WeekHealth[] = [];
  for (let start = fromMs; start <= nowMs; start += week) {
    const end = Math.min(start + week, nowMs + 1);
    const inWeek = (t: number | undefined) => t !== undefined && t >= start && t < end;
    const at = end - 1;
    const raised = input.history.tensions.filter((t) => inWeek(t.raisedAtMs));
    const closed = input.history.reviews.filter((r) => inWeek(r.closedAtMs));
    const awaiting = input.history.tensions.filter((t) => awaitingAt(t, at));
    const cases = input.cases.filter((c) => inWeek(c.firstMs));
    out.push({
      weekStart: new Date(start).toISOString(),
      tensionsRaised: raised.length,
      priorityTensions: raised.filter((t) => t.type === 'priority').length,
      lateEscalations: raised.filter((t) => t.raisedAtMs - t.observedAtMs > options.lateAfterMs).length,
      reviewsClosed: closed.length,
      reviewsWithoutDecision: closed.filter((r) => r.noDecision).length,
      awaitingAtEnd: awaiting.length,
      agingAtEnd: awaiting.filter((t) => at - t.raisedAtMs > options.agingAfterMs).length,
      cases: cases.length,
      reworkShare: cases.length === 0 ? null : roundShare(cases.filter((c) => c.rework).length / cases.length),
    });
  }
  return out;
}

/** Whether the tension was waiting for a decision at `t`. */
function awaitingAt(tension: TensionFacts, t: number): boolean {
  return tension.awaiting.some(([from, to]) => from <= t && (to === null || to > t));
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}

function reworkByCell(cases: readonly CaseRework[]) {
  const tally = new Map<string, { cases: number; reworkCases: number }>();
  for (const c of cases) {
    for (const cell of c.cells) {
      let t = tally.get(cell);
      if (!t) tally.set(cell, (t = { cases: 0, reworkCases: 0 }));
      t.cases++;
      if (c.reworkCells.includes(cell)) t.reworkCases++;
    }
  }
  return [...tally]
    .map(([cell, t]) => ({ cell, ...t, share: roundShare(t.reworkCases / t.cases) }))
    .sort((a, b) => b.share - a.share || b.reworkCases - a.reworkCases || compareText(a.cell, b.cell));
}

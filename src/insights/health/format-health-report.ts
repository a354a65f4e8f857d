import type { HealthReport, HealthStatus } from './health-report.js';

const LABEL: Record<HealthStatus, string> = { healthy: 'healthy', watch: 'WATCH', act: 'ACT' };

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);

/** Renders the health report as plain text: each area with its status and signals, then the weekly trend. */
export function formatHealthReport(
  report: HealthReport,
  paint: (status: HealthStatus, text: string) => string = (_s, t) => t,
): string {
  const lines: string[] = [];
  lines.push(
    `Orchestration health: ${paint(report.status, LABEL[report.status])} (since ${report.from.slice(0, 10)}, ${report.trend.length} week(s))`,
  );
  const area = (title: string, status: HealthStatus, signals: string[], extra: string[] = []) => {
    lines.push('', `${title}: ${paint(status, LABEL[status])}`);
    for (const s of signals) lines.push(`  - ${s}`);
    if (signals.length === 0) lines.push('  - nothing to report');
    lines.push(...extra.map((e) => `  ${e}`));
  };
  const { teams, boundaries, conflicts } = report;
  area('Teams', teams.status, teams.signals, [
    `rework: ${teams.rework.reworkCases} of ${teams.rework.cases} cases (${percent(teams.rework.share)})` +
      (teams.rework.byCell.length > 0
        ? `; by cell: ${teams.rework.byCell.map((c) => `${c.cell} ${c.reworkCases}/${c.cases}`).join(', ')}`
        : ''),
    `reviews: ${teams.reviews.closed} closed, ${teams.reviews.withoutDecision} without a decision, ${teams.reviews.undecidedItems} item(s) left undecided`,
    `priority disputes: ${teams.priorityDisputes.count}${teams.priorityDisputes.byCell.length > 0 ? ` (${teams.priorityDisputes.byCell.map((c) => `${c.cell} ${c.count}`).join(', ')})` : ''}`,
  ]);
  area('Boundaries', boundaries.status, boundaries.signals);
  area('Conflicts', conflicts.status, conflicts.signals, [
    `${conflicts.awaiting} tension(s) waiting for a decision, ${conflicts.aging.length} aging, ${conflicts.late.length} surfaced late, ${conflicts.escalated} escalated`,
  ]);
  lines.push('', 'Trend (weeks start Monday, UTC):');
  const header = [
    'week of',
    'raised',
    'priority',
    'late',
    'reviews',
    'no decision',
    'waiting',
    'aging',
    'cases',
    'rework',
  ];
  const rows = report.trend.map((w) => [
    w.weekStart.slice(0, 10),
    String(w.tensionsRaised),
    String(w.priorityTensions),
    String(w.lateEscalations),
    String(w.reviewsClosed),
    String(w.reviewsWithoutDecision),
    String(w.awaitingAtEnd),
    String(w.agingAtEnd),
    String(w.cases),
    percent(w.reworkShare),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    lines.push(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`);
  return `${lines.join('\n')}\n`;
}

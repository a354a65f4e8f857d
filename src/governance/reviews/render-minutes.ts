import type { FieldChange } from '../../manifests/index.js';
import type { Decision, Proposal, Review } from '../../model/index.js';

const STATUS_TEXT = {
  pending: 'not decided',
  decided: 'decided',
  proposed: 'proposal open',
  objected: 'objection: goes to the next review',
  rejected: 'proposal rejected',
} as const;

/** The minutes of a review as Markdown, for the org's records or a pull request description. */
export function renderMinutes(
  review: Review,
  decisions: readonly Decision[],
  proposals: readonly Proposal[],
  organization?: string,
): string {
  const lines: string[] = [];
  const when = review.startedAt
    ? `${review.startedAt.slice(0, 16).replace('T', ' ')} UTC`
    : `planned for ${review.scheduledFor.slice(0, 16).replace('T', ' ')} UTC`;
  lines.push(`# Tension review ${review.id}${organization ? ` — ${organization}` : ''}`, '');
  lines.push(`- When: ${when}${review.closedAt ? ` to ${review.closedAt.slice(11, 16)} UTC` : ''}`);
  lines.push(`- Held by: cell:${review.cell}${review.startedBy ? `, facilitated by ${review.startedBy}` : ''}`);
  if (review.scope) lines.push(`- Scope: ${review.scope.map((c) => `cell:${c}`).join(', ')}`);
  lines.push(
    `- State: ${review.state}${review.state === 'closed' ? ` — ${review.decided} of ${review.items} item(s) decided` : ''}`,
    '',
  );
  if (review.state === 'closed' && review.noDecision) lines.push('> **This review ended without a decision.**', '');

  lines.push('## Agenda', '');
  if (review.agenda.length === 0) lines.push('Nothing was waiting for a decision.', '');
  review.agenda.forEach((item, i) => {
    lines.push(
      `${i + 1}. **${item.tensionId}** ${escape(item.title)} — ${item.type}, ${item.cells.map((c) => `cell:${c}`).join(', ')}; priority ${item.priority.total}; ${STATUS_TEXT[item.status]}`,
    );
    lines.push(`   - Score: ${item.score.explanation}`);
    lines.push(
      `   - Route: ${item.route.routed ? `${item.route.method} by ${item.route.who}, forum ${item.route.forum}` : `unrouted — ${item.route.reason}`}`,
    );
    if (item.evidence.evidence.length > 0)
      lines.push(
        `   - Evidence: ${item.evidence.evidence.map((e) => `${e.kind}:${e.ref}`).join(', ')}${item.evidence.occurrences > 1 ? ` (seen ${item.evidence.occurrences} times)` : ''}`,
      );
  });
  lines.push('');

  lines.push('## Decisions', '');
  if (decisions.length === 0) lines.push('None.', '');
  for (const d of decisions) {
    lines.push(`### ${d.id} on ${d.tensionId}: ${d.outcome}`, '');
    lines.push(`- Decided by: ${d.decidedBy}, method ${d.method}`);
    if (d.criteria.length > 0) lines.push(`- Criteria: ${d.criteria.join(', ')}`);
    lines.push(`- Rationale: ${escape(d.rationale)}`);
    if (d.reviewDate) lines.push(`- Review date: ${d.reviewDate}`);
    lines.push(...detailLines(d));
    lines.push('');
  }
  const open = proposals.filter((p) => p.state !== 'accepted');
  if (open.length > 0) {
    lines.push('## Proposals not carried', '');
    for (const p of open) {
      const why = p.objections.map((o) => `${o.by}: ${escape(o.reason)}`).join('; ');
      lines.push(
        `- ${p.id} on ${p.tensionId} (${p.method}, ${p.outcome.outcome}): ${p.state}${why ? ` — ${why}` : ''}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function detailLines(d: Decision): string[] {
  const details = d.details;
  const out: string[] = [];
  if (details.agreement || details.guardrail) {
    const what = details.agreement
      ? `agreement:${String(details.agreement)}`
      : `guardrail:${String(details.guardrail)}`;
    out.push(
      `- New version: ${what} v${String(details.version)}${details.file ? ` (YAML: ${String(details.file)})` : ''}`,
    );
    for (const c of (details.changes as FieldChange[] | undefined) ?? [])
      out.push(`  - \`${c.path}\`: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  }
  if (details.experiment)
    out.push(
      `- Experiment ${String(details.experiment)}: ${String(details.move)}; watch ${String(details.metric)}; review ${String(details.reviewDate)}`,
    );
  if (d.outcome === 'escalate')
    out.push(`- Escalated${details.to ? ` to ${String(details.to)}` : ''}: ${String(details.reason)}`);
  if (d.outcome === 'drop') out.push(`- Dropped: ${String(details.reason)}`);
  if (details.result) out.push(`- Experiment result: ${String(details.result)}`);
  return out;
}

function escape(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

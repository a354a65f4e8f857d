import type { SyncPlan } from './plan-sync.js';

const MARK = { create: '+', update: '~', remove: '-' } as const;

/**
 * The plan as lines a person reads: `+ cells/team-a.yaml  Cell/team-a`, `~ … spec.purpose, spec.members[2]`,
 * `- …`, then each conflict with its file and field, then a count.
 */
export function formatSyncPlan(plan: SyncPlan, dryRun: boolean): string[] {
  const lines: string[] = [];
  for (const change of plan.changes) {
    const fields = change.fields.map((f) => f.path);
    const shown = fields.length > 6 ? [...fields.slice(0, 6), `and ${fields.length - 6} more`] : fields;
    lines.push(
      `${MARK[change.action]} ${change.file}  ${change.kind}/${change.name}${shown.length ? `  ${shown.join(', ')}` : ''}`,
    );
  }
  for (const file of plan.files) lines.push(`${MARK[file.action]} ${file.path}`);
  for (const conflict of plan.conflicts) {
    const subject = conflict.kind ? `${conflict.kind}/${conflict.name}` : '';
    const field = conflict.field ? ` ${conflict.field}` : '';
    lines.push(`! ${conflict.file}  ${subject}${field}: conflict. ${conflict.message}`);
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const written = plan.changes.length + plan.files.length;
  lines.push(
    `${dryRun ? 'Would write' : 'Wrote'} ${count(written, 'change')} (${count(plan.unchanged, 'manifest')} already up to date); ${count(plan.conflicts.length, 'conflict')}${plan.conflicts.length ? ', each keeping the folder’s version' : ''}.`,
  );
  return lines;
}

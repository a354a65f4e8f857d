import type { Finding, FindingSummary } from './finding.js';

/**
 * Two lines per finding, the first in the form editors and terminals turn into links:
 * `cells/risk.yaml:12:7  error  unknown-field  Cell/risk: spec.offers[0] has an unknown field "limts"; did you mean "limits"?`
 * `    fix: Rename "limts" to "limits".`
 */
export function formatFinding(finding: Finding, file: string = finding.file): string {
  const where = finding.line > 0 ? `${file}:${finding.line}:${finding.column}` : file;
  const subject = finding.kind ? `${finding.kind}${finding.name ? `/${finding.name}` : ''}: ` : '';
  return `${where}  ${finding.severity}  ${finding.ruleId}  ${subject}${finding.message}\n    fix: ${sentence(finding.hint)}`;
}

/** `2 errors and 1 warning in 14 files (23 manifests).` or `No problems in 14 files (23 manifests).` */
export function formatSummary(summary: FindingSummary & { files: number; manifests: number }): string {
  const scope = `in ${plural(summary.files, 'file')} (${plural(summary.manifests, 'manifest')})`;
  if (summary.errors === 0 && summary.warnings === 0) return `No problems ${scope}.`;
  return `${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')} ${scope}.`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]$/.test(capital) ? capital : `${capital}.`;
}

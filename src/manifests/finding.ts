/** How serious a finding is: `error` fails `cello validate`, `warning` is reported and allowed. */
export type Severity = 'error' | 'warning';

/** One problem in an organization's manifests, with where it is and how to fix it. */
export interface Finding {
  /** Stable id of the check, e.g. `unknown-field`, `domain-owner`. */
  ruleId: string;
  severity: Severity;
  /** The file, as the folder was given plus the path inside it; empty when the manifest did not come from a file. */
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  kind?: string;
  name?: string;
  /** Where inside the manifest, e.g. `spec.offers[0].limits`. */
  path?: string;
  /** What is wrong, as a sentence. */
  message: string;
  /** How to fix it, as a sentence. */
  hint: string;
}

/** Counts for a summary line. */
export interface FindingSummary {
  errors: number;
  warnings: number;
}

/** Orders findings by file, line, column, then rule: the order a reader walks a folder in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** Whether any finding is at error level. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** `spec.offers[0].limits` from `['spec', 'offers', 0, 'limits']`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

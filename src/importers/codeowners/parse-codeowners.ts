import type { Finding } from '../../manifests/index.js';
import { importFinding } from '../import-rules.js';

/** One owner on a CODEOWNERS line: a team (`@org/team`), a user (`@user`) or an e-mail address. */
export interface CodeOwner {
  text: string;
  kind: 'team' | 'user' | 'email';
  /** The team or user name without `@` and organization, or the e-mail address. */
  name: string;
  column: number;
}

/** One rule of a CODEOWNERS file: a path pattern and its owners (none: the paths are left unowned). */
export interface CodeownersRule {
  line: number;
  pattern: string;
  column: number;
  owners: CodeOwner[];
}

const TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]*\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;
const USER = /^@([A-Za-z0-9][A-Za-z0-9-]*)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a CODEOWNERS file (GitHub's syntax; GitLab section headers are skipped). A line whose pattern
 * CODEOWNERS does not support (negation with `!`, character ranges in `[ ]`) or whose owner is not
 * `@user`, `@org/team` or an e-mail address is reported with its line number and left out.
 */
export function parseCodeowners(file: string, text: string): { rules: CodeownersRule[]; findings: Finding[] } {
  const rules: CodeownersRule[] = [];
  const findings: Finding[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const tokens = tokenize(raw);
    const [first, ...rest] = tokens;
    if (!first || /^\^?\[/.test(raw.trimStart())) return;
    const invalid = (column: number, message: string, hint: string) =>
      findings.push(importFinding('codeowners-invalid', { file, line, column }, message, hint));
    if (first.text.startsWith('!'))
      return invalid(
        first.column,
        `Line ${line}: pattern "${first.text}" negates with "!", which CODEOWNERS does not support; the line was skipped.`,
        'list the paths that have owners instead, or give the excluded path a later line with no owners',
      );
    if (/(^|[^\\])[[\]]/.test(first.text))
      return invalid(
        first.column,
        `Line ${line}: pattern "${first.text}" uses a character range in [ ], which CODEOWNERS does not support; the line was skipped.`,
        'write one line per alternative (e.g. /docs/a/ and /docs/b/), or use * as a wildcard',
      );
    const owners: CodeOwner[] = [];
    for (const token of rest) {
      const owner = ownerOf(token.text);
      if (!owner)
        return invalid(
          token.column,
          `Line ${line}: owner "${token.text}" is not @user, @org/team or an e-mail address; the line was skipped.`,
          'write owners as @user, @org/team or name@example.com, separated by spaces',
        );
      owners.push({ ...owner, column: token.column });
    }
    rules.push({ line, pattern: first.text.replace(/\\(.)/g, '$1'), column: first.column, owners });
  });
  return { rules, findings };
}

function ownerOf(text: string): Omit<CodeOwner, 'column'> | undefined {
  const team = TEAM.exec(text);
  if (team) return { text, kind: 'team', name: team[1]! };
  const user = USER.exec(text);
  if (user) return { text, kind: 'user', name: user[1]! };
  return EMAIL.test(text) ? { text, kind: 'email', name: text } : undefined;
}

/** Splits a line at unescaped blanks, up to an unescaped `#` that starts a word (a comment). */
function tokenize(line: string): { text: string; column: number }[] {
  const tokens: { text: string; column: number }[] = [];
  let current = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\' && i + 1 < line.length) {
      if (!current) start = i;
      current += char + line[++i];
    } else if (char === ' ' || char === '\t') {
      if (current) tokens.push({ text: current, column: start + 1 });
      current = '';
    } else if (char === '#' && !current) {
      break;
    } else {
      if (!current) start = i;
      current += char;
    }
  }
  if (current) tokens.push({ text: current, column: start + 1 });
  return tokens;
}

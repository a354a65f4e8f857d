import { InputError } from '../shared/index.js';

/** A subject token: letters, digits, `-` and `_` (no wildcards, no whitespace, nothing the wire would split on). */
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** Refuses a subject that is not dot-separated plain tokens, e.g. `log.committed`. */
export function checkSubject(subject: string, where = 'subject'): void {
  const bad = subject.split('.').find((token) => !TOKEN.test(token));
  if (bad !== undefined) {
    throw new InputError(
      `The ${where} "${subject}" is not valid: use dot-separated tokens of letters, digits, "-" and "_", such as "log.committed" (wildcards only in subscription patterns).`,
      { field: where, value: subject },
    );
  }
}

/** Refuses a pattern that is not tokens, `*` (one token) and a final `>` (the rest). */
export function checkPattern(pattern: string): void {
  const tokens = pattern.split('.');
  const bad = tokens.findIndex(
    (token, i) => !(TOKEN.test(token) || token === '*' || (token === '>' && i === tokens.length - 1)),
  );
  if (bad !== -1) {
    throw new InputError(
      `The subscription pattern "${pattern}" is not valid: use dot-separated tokens, "*" for any one token and ">" as the last token for the rest, such as "log.*" or "log.>".`,
      { field: 'pattern', value: pattern },
    );
  }
}

/** Whether `subject` matches `pattern` (both already checked), with NATS semantics for `*` and `>`. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const want = pattern.split('.');
  const have = subject.split('.');
  for (let i = 0; i < want.length; i++) {
    const token = want[i]!;
    if (token === '>') return have.length > i;
    if (i >= have.length) return false;
    if (token !== '*' && token !== have[i]) return false;
  }
  return want.length === have.length;
}

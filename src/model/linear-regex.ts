import { RE2JS } from 're2js';

/**
 * Regular expressions a user writes (CEL `matches()`, `pattern` in an offer's data schema) run on RE2, whose
 * matching time is linear in the input whatever the pattern: one cell's pattern cannot stall the server for
 * everyone, which a backtracking engine allows even for patterns as plain as `.*.*.*!`. RE2 is also the syntax
 * CEL specifies for `matches()`. What it gives up: backreferences and lookaround.
 */
export interface LinearRegex {
  readonly pattern: string;
  /** True when the pattern matches anywhere in `text` (use `^…$` to match all of it). */
  test(text: string): boolean;
}

/** Patterns longer than this are refused: the automaton RE2 builds grows with the pattern. */
export const MAX_PATTERN_LENGTH = 1024;

/** Compiles `pattern` for linear-time matching, or throws an Error whose message says what is wrong and what to do. */
export function compileLinearRegex(pattern: string): LinearRegex {
  const problem = linearRegexProblem(pattern);
  if (problem) throw new Error(problem);
  const compiled = RE2JS.compile(pattern);
  return { pattern, test: (text) => compiled.test(text) };
}

/** Why `pattern` cannot be used, in a sentence fragment naming it; undefined when it compiles. */
export function linearRegexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern is ${pattern.length} characters long, over the limit of ${MAX_PATTERN_LENGTH}`;
  }
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `"${pattern}" is not a regular expression Cello can run (${reason}); patterns use RE2 syntax, which has no backreferences (\\1) or lookaround ((?=…), (?<=…))`;
  }
}

import { Environment, type ASTNode, type ParseResult } from '@marcbachmann/cel-js';
import { InputError, LimitError } from '../shared/isomorphic.js';
import { compileLinearRegex, linearRegexProblem, type LinearRegex } from './linear-regex.js';

/**
 * Bounds on every CEL expression Cello runs. CEL has no loops, so with a bounded source, a bounded AST,
 * at most two nested comprehensions and `matches()` on RE2 (linear in its input), one evaluation costs at most
 * a small polynomial in the size of its input.
 */
export const EXPRESSION_LIMITS = {
  maxLength: 4096,
  maxAstNodes: 1000,
  maxDepth: 32,
  maxComprehensionNesting: 2,
  /**
   * An expression that nests two comprehensions costs about elements × (elements + characters) of its input; it is
   * evaluated only while that product stays under this budget, so no input can make it run for seconds.
   */
  maxNestedCost: 10_000_000,
  /** Strings longer than this are not matched against a regular expression. */
  maxMatchInput: 100_000,
} as const;

/** Options for {@link compileExpression}. */
export interface ExpressionOptions {
  /** Names allowed at the top level (e.g. `['event']`); when absent, any name is accepted and must be given at evaluation. */
  variables?: readonly string[];
  /** Where the expression lives, for messages: `Subscription/risk-alerts spec.filter`. */
  where?: string;
}

/** A CEL expression compiled once and evaluated many times. */
export interface CompiledExpression {
  readonly source: string;
  readonly where: string;
  /** Evaluates against `context`; integers come back as numbers, maps as plain objects. */
  evaluate(context?: Record<string, unknown>): unknown;
  /** Evaluates and insists on `true` or `false`. */
  evaluateBoolean(context?: Record<string, unknown>): boolean;
}

const SAFE_MATCHES = 'celloSafeMatches';
const COMPREHENSIONS = new Set([
  'all',
  'exists',
  'exists_one',
  'existsOne',
  'map',
  'filter',
  'transformList',
  'transformMap',
  'sortBy',
]);
const SYNTAX_HINT =
  'CEL uses &&, ||, !, ==, double-quoted strings and has(x.field), e.g. event.data.score > 0.8 && event.subject.startsWith("loan-")';
const environments = new Map<string, Environment>();

/** Compiles a CEL expression: parsed, bounded, type-checked and its regular expressions vetted, once. */
export function compileExpression(source: string, options: ExpressionOptions = {}): CompiledExpression {
  const where = options.where ?? 'expression';
  if (typeof source !== 'string' || source.trim() === '') {
    throw new InputError(
      `${where} is empty; write a CEL expression such as event.type == "com.acme.risk.score.changed".`,
      { where },
    );
  }
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw new LimitError(
      `${where} is ${source.length} characters long, over the limit of ${EXPRESSION_LIMITS.maxLength}; split it or move logic into a workflow step.`,
      { where, length: source.length },
    );
  }
  const parsed = parseOrThrow(environmentFor(options.variables), source, where, options.variables);
  const nesting = vetAst(parsed.ast, source, where);
  const checked = parsed.check();
  if (!checked.valid) throw expressionError(source, where, checked.error, options.variables);

  const evaluate = (context: Record<string, unknown> = {}): unknown => {
    if (nesting > 1) checkNestedCost(context, where, source);
    try {
      return toPlain(parsed(context));
    } catch (error) {
      throw new InputError(`${where} could not be evaluated: ${summaryOf(error)}. ${evaluationHint(error)}`, {
        where,
        expression: source,
      });
    }
  };
  return {
    source,
    where,
    evaluate,
    evaluateBoolean(context) {
      const value = evaluate(context);
      if (typeof value !== 'boolean') {
        throw new InputError(
          `${where} returned ${describeValue(value)} where true or false was expected; compare the value, e.g. x == "y" or x > 0.`,
          {
            where,
            expression: source,
          },
        );
      }
      return value;
    },
  };
}

function environmentFor(variables: readonly string[] | undefined): Environment {
  const key = variables ? [...variables].sort().join(',') : '*';
  let env = environments.get(key);
  if (!env) {
    env = new Environment({
      unlistedVariablesAreDyn: variables === undefined,
      homogeneousAggregateLiterals: false,
      limits: {
        maxAstNodes: EXPRESSION_LIMITS.maxAstNodes,
        maxDepth: EXPRESSION_LIMITS.maxDepth,
        maxListElements: 256,
        maxMapEntries: 256,
        maxCallArguments: 16,
      },
    })
      .registerFunction(`string.${SAFE_MATCHES}(string): bool`, safeMatches)
      .registerFunction(`${SAFE_MATCHES}(string, string): bool`, safeMatches);
    for (const name of variables ?? []) env.registerVariable(name, 'dyn');
    environments.set(key, env);
  }
  return env;
}

function parseOrThrow(env: Environment, source: string, where: string, variables?: readonly string[]): ParseResult {
  try {
    return env.parse(source);
  } catch (error) {
    throw expressionError(source, where, error, variables);
  }
}

/**
 * Walks the AST once: routes matches() to the linear-time implementation, vets literal patterns, bounds comprehension
 * nesting. Returns the deepest comprehension nesting found.
 */
function vetAst(root: ASTNode, source: string, where: string): number {
  let deepest = 0;
  const visit = (node: ASTNode, nesting: number): void => {
    deepest = Math.max(deepest, nesting);
    const op = node.op as string;
    const args = node.args as unknown;
    if ((op === 'rcall' || op === 'call') && Array.isArray(args)) {
      const name = args[0];
      const callArgs = (op === 'rcall' ? args[2] : args[1]) as ASTNode[];
      if (name === 'matches') {
        args[0] = SAFE_MATCHES;
        const pattern = callArgs[callArgs.length - 1];
        if (pattern?.op === 'value' && typeof pattern.args === 'string') {
          const problem = linearRegexProblem(pattern.args);
          if (problem) throw located(source, where, pattern.start ?? 0, `matches() ${problem}`, 'fix the pattern');
        }
      }
      if (op === 'rcall' && COMPREHENSIONS.has(name as string) && callArgs.length >= 2 && callArgs[0]?.op === 'id') {
        if (nesting + 1 > EXPRESSION_LIMITS.maxComprehensionNesting) {
          throw new LimitError(
            `${where} nests more than ${EXPRESSION_LIMITS.maxComprehensionNesting} comprehensions (${name}() at column ${columnOf(source, node.start ?? 0).column}); flatten it so its cost stays bounded.`,
            { where, expression: source },
          );
        }
        visit(args[1] as ASTNode, nesting);
        for (const child of callArgs) visit(child, nesting + 1);
        return;
      }
    }
    for (const child of childrenOf(args)) visit(child, nesting);
  };
  visit(root, 0);
  return deepest;
}

/**
 * Refuses to evaluate a doubly nested comprehension over an input too large for it: counts the input's list and map
 * elements and string characters (stopping once the budget is certainly exceeded) and compares
 * elements × (elements + characters) with {@link EXPRESSION_LIMITS.maxNestedCost}.
 */
function checkNestedCost(context: Record<string, unknown>, where: string, source: string): void {
  const budget = EXPRESSION_LIMITS.maxNestedCost;
  let elements = 0;
  let characters = 0;
  const stack: unknown[] = [context];
  while (stack.length > 0 && elements * (elements + characters) <= budget) {
    const value = stack.pop();
    if (typeof value === 'string') characters += value.length;
    else if (Array.isArray(value)) {
      elements += value.length;
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const entries = Object.entries(value);
      elements += entries.length;
      for (const [key, item] of entries) {
        characters += key.length;
        stack.push(item);
      }
    }
  }
  if (elements * (elements + characters) > budget) {
    throw new LimitError(
      `${where} nests two comprehensions over an input of at least ${elements} elements and ${characters} characters, more than one evaluation may cost; it was not evaluated. Loop over the input once, or send smaller events.`,
      { where, expression: source, elements, characters },
    );
  }
}

function childrenOf(args: unknown): ASTNode[] {
  const out: ASTNode[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object' && 'op' in value) out.push(value as ASTNode);
  };
  collect(args);
  return out;
}

function safeMatches(text: string, pattern: string): boolean {
  if (text.length > EXPRESSION_LIMITS.maxMatchInput) {
    throw new Error(
      `matches() was given a string of ${text.length} characters, over the limit of ${EXPRESSION_LIMITS.maxMatchInput}`,
    );
  }
  return compiledPattern(pattern).test(text);
}

const patternCache = new Map<string, LinearRegex>();
/** Patterns from data are compiled when first seen; a bad one fails that evaluation with its reason. */
function compiledPattern(pattern: string): LinearRegex {
  let regex = patternCache.get(pattern);
  if (!regex) {
    try {
      regex = compileLinearRegex(pattern);
    } catch (error) {
      throw new Error(`matches() ${(error as Error).message}`);
    }
    if (patternCache.size >= 500) patternCache.clear();
    patternCache.set(pattern, regex);
  }
  return regex;
}

interface CelErrorLike {
  summary?: string;
  message?: string;
  code?: string;
  range?: { start: number; end: number };
}

function expressionError(
  source: string,
  where: string,
  error: unknown,
  variables?: readonly string[],
): InputError | LimitError {
  const cel = (error ?? {}) as CelErrorLike;
  const summary = summaryOf(error);
  const offset = cel.range?.start ?? 0;
  if (cel.code === 'limit_exceeded') {
    return new LimitError(`${where} is too complex: ${summary}; split it into smaller expressions.`, {
      where,
      expression: source,
    });
  }
  const unknown = /^Unknown variable: (\S+)/.exec(summary);
  if (unknown) {
    const allowed = variables?.length
      ? `use ${variables.map((v) => `"${v}"`).join(' or ')}`
      : 'pass it in the evaluation context';
    return located(
      source,
      where,
      offset,
      `"${unknown[1]}" is not a variable here`,
      `${allowed} (e.g. ${variables?.[0] ?? 'event'}.data.score)`,
    );
  }
  const hint = /EOF/.test(summary)
    ? 'the expression ends too early: complete the last operand or close the bracket or quote'
    : `check the syntax there; ${SYNTAX_HINT}`;
  return located(source, where, offset, `${summary.replace(/\.$/, '')}`, hint);
}

function located(source: string, where: string, offset: number, problem: string, hint: string): InputError {
  const { line, column } = columnOf(source, offset);
  const position = source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
  return new InputError(`${where} "${abbreviate(source)}" is not valid CEL at ${position}: ${problem}; ${hint}.`, {
    where,
    expression: source,
    line,
    column,
    offset,
    problem,
    hint,
  });
}

/** 1-based line and column of a character offset inside an expression. */
function columnOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function summaryOf(error: unknown): string {
  const cel = (error ?? {}) as CelErrorLike;
  return (cel.summary ?? cel.message ?? String(error)).split('\n')[0]!.trim();
}

function evaluationHint(error: unknown): string {
  const summary = summaryOf(error);
  if (/No such key/.test(summary))
    return 'Guard optional fields with has(), e.g. has(event.data.score) && event.data.score > 0.8.';
  if (/no such overload/i.test(summary))
    return 'JSON numbers are doubles in CEL: compare them freely, but write 2.0 rather than 2 in arithmetic.';
  return 'Check that the context has the fields the expression reads.';
}

function abbreviate(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

/** CEL values as plain JSON-friendly JavaScript: bigint → number, Map → object. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

import { describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../shared/isomorphic.js';
import { compileExpression } from './expression.js';
import { linearRegexProblem } from './linear-regex.js';

const riskEvent = {
  event: { type: 'com.acme.risk.score.changed', subject: 'loan-42', data: { score: 0.91, amount: 1_500_000 } },
};

describe('compileExpression', () => {
  it('evaluates a subscription filter over a JSON event', () => {
    const filter = compileExpression('event.data.score > 0.8 && event.subject.startsWith("loan-")', {
      variables: ['event'],
    });
    expect(filter.evaluateBoolean(riskEvent)).toBe(true);
    expect(filter.evaluateBoolean({ event: { ...riskEvent.event, subject: 'lease-1' } })).toBe(false);
  });

  it('compares JSON numbers with integer literals and returns plain numbers and objects', () => {
    expect(compileExpression('event.data.amount > 1000000').evaluate(riskEvent)).toBe(true);
    expect(compileExpression('{"n": 1 + 2, "items": [1, 2.5]}').evaluate()).toEqual({ n: 3, items: [1, 2.5] });
  });

  it('names the expression, its place and the column of a syntax error, and says what to do', () => {
    let error: unknown;
    try {
      compileExpression('event.data.score >', { where: 'Subscription/risk-alerts spec.filter' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toContain(
      'Subscription/risk-alerts spec.filter "event.data.score >" is not valid CEL at column 19',
    );
    expect(message).toMatch(/complete the last operand/);
    expect((error as InputError).details).toMatchObject({ column: 19, line: 1 });
  });

  it('rejects a variable that is not allowed at the top level, naming the allowed ones', () => {
    expect(() => compileExpression('evnt.type == "x"', { variables: ['event'] })).toThrow(
      /"evnt" is not a variable here; use "event"/,
    );
  });

  it('reports the line and column inside a multi-line expression', () => {
    expect(() => compileExpression('event.a == 1 &&\n  event.b ==', { variables: ['event'] })).toThrow(
      /at line 2, column 13/,
    );
  });

  it('says when a boolean was expected and something else came back', () => {
    const expression = compileExpression('event.subject', {
      variables: ['event'],
      where: 'Guardrail/x spec.expression',
    });
    expect(() => expression.evaluateBoolean(riskEvent)).toThrow(
      /returned the string "loan-42" where true or false was expected/,
    );
  });

  it('turns a missing field into an error that suggests has()', () => {
    const expression = compileExpression('event.data.missing > 1', { variables: ['event'] });
    expect(() => expression.evaluate(riskEvent)).toThrow(
      /could not be evaluated: No such key: missing\. Guard optional fields with has\(\)/,
    );
  });

  it('bounds the size and shape of an expression', () => {
    expect(() => compileExpression('x'.repeat(5000))).toThrow(LimitError);
    expect(() => compileExpression(`${'('.repeat(40)}1${')'.repeat(40)}`)).toThrow(/too complex/);
    expect(() => compileExpression('[1].all(a, [2].all(b, [3].all(c, a < b)))')).toThrow(
      /nests more than 2 comprehensions/,
    );
    expect(compileExpression('[1].all(a, [2].exists(b, a < b))').evaluate()).toBe(true);
  });
});

describe('a cost budget per evaluation', () => {
  const nested = () =>
    compileExpression('event.data.xs.all(a, event.data.xs.exists(b, b >= a))', { variables: ['event'] });
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('evaluates two nested comprehensions over an ordinary input', () => {
    expect(nested().evaluate({ event: { data: { xs: numbers(300) } } })).toBe(true);
  });

  // 20,000 elements would take 4·10^8 comparisons: one event would hold the server for seconds.
  it('refuses two nested comprehensions over an input too large for them, saying what to do', () => {
    expect(() => nested().evaluate({ event: { data: { xs: numbers(20_000) } } })).toThrow(
      /nests two comprehensions over an input of at least \d+ elements .* Loop over the input once/,
    );
  });

  it('leaves a single comprehension alone, whatever the input size (its cost is linear)', () => {
    const once = compileExpression('event.data.xs.all(a, a >= 0)', { variables: ['event'] });
    expect(once.evaluate({ event: { data: { xs: numbers(20_000) } } })).toBe(true);
  });
});

describe('matches() runs in linear time (RE2)', () => {
  it('accepts ordinary patterns', () => {
    expect(compileExpression('event.subject.matches("^loan-[0-9]+$")').evaluate(riskEvent)).toBe(true);
    expect(linearRegexProblem('^(foo|bar)-[a-z]+$')).toBeUndefined();
    expect(linearRegexProblem('^(ab)?c{2,3}$')).toBeUndefined();
  });

  // Each of these froze a backtracking engine for seconds on a 150–220 character string; RE2 answers at once.
  it.each([
    ['a*a*b', 'a'.repeat(220), false],
    ['[a-z]*[a-z]*[a-z]*[a-z]*!', 'a'.repeat(220), false],
    ['.*.*.*.*!', 'a'.repeat(220), false],
    ['^(a+)+$', `${'a'.repeat(200)}!`, false],
    ['(a|a)*b', `${'a'.repeat(200)}b`, true],
  ])('evaluates %s on a long input with the right answer', (pattern, subject, expected) => {
    const expression = compileExpression(`event.subject.matches("${pattern}")`, { variables: ['event'] });
    expect(expression.evaluate({ event: { subject } })).toBe(expected);
  });

  it('rejects what RE2 cannot run (backreferences, lookaround) at compile time, saying why', () => {
    expect(() => compileExpression('event.subject.matches("(x)\\\\1")')).toThrow(/no backreferences/);
    expect(() => compileExpression('event.subject.matches("a(?=b)")')).toThrow(/RE2 syntax/);
  });

  it('rejects an invalid or overlong literal pattern at compile time with its column', () => {
    expect(() => compileExpression('event.subject.matches("(unclosed")')).toThrow(
      /column 23: matches\(\) "\(unclosed" is not a regular expression Cello can run \(missing closing \)/,
    );
    expect(() => compileExpression(`event.subject.matches("${'a'.repeat(1100)}")`)).toThrow(/over the limit of 1024/);
  });

  it('checks a pattern that comes from the data when it is evaluated', () => {
    const expression = compileExpression('event.subject.matches(event.data.pattern)', { variables: ['event'] });
    expect(expression.evaluate({ event: { subject: 'aaa', data: { pattern: '^a+$' } } })).toBe(true);
    expect(expression.evaluate({ event: { subject: `${'a'.repeat(200)}!`, data: { pattern: '^(a+)+$' } } })).toBe(
      false,
    );
    expect(() => expression.evaluate({ event: { subject: 'x', data: { pattern: '(x)\\1' } } })).toThrow(
      /could not be evaluated: matches\(\) "\(x\)\\1" is not a regular expression/,
    );
  });
});

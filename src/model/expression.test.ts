import { describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../shared/isomorphic.js';
import { compileExpression, regexProblem } from './expression.js';

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

describe('matches() is safe from catastrophic backtracking', () => {
  it('accepts ordinary patterns', () => {
    expect(compileExpression('event.subject.matches("^loan-[0-9]+$")').evaluate(riskEvent)).toBe(true);
    expect(regexProblem('^(foo|bar)-[a-z]+$')).toBeUndefined();
    expect(regexProblem('^(ab)?c{2,3}$')).toBeUndefined();
  });

  it.each(['(a+)+$', '(a*)*b', '(a|a)*', '((ab)+c)+', '(a|b){2,}x', '(x)\\1'])(
    'rejects %s when it is written literally',
    (pattern) => {
      expect(() => compileExpression(`event.subject.matches("${pattern.replaceAll('\\', '\\\\')}")`)).toThrow(
        /matches\(\) "/,
      );
    },
  );

  it('rejects an invalid or overlong literal pattern at compile time with its column', () => {
    expect(() => compileExpression('event.subject.matches("(unclosed")')).toThrow(
      /column 23: matches\(\) "\(unclosed" is not a valid regular expression/,
    );
    expect(() => compileExpression(`event.subject.matches("${'a'.repeat(300)}")`)).toThrow(/over the limit of 256/);
  });

  it('checks a pattern that comes from the data when it is evaluated', () => {
    const expression = compileExpression('event.subject.matches(event.data.pattern)', { variables: ['event'] });
    expect(expression.evaluate({ event: { subject: 'aaa', data: { pattern: '^a+$' } } })).toBe(true);
    expect(() =>
      expression.evaluate({
        event: { subject: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', data: { pattern: '^(a+)+$' } },
      }),
    ).toThrow(/repeats a group that itself repeats/);
  });
});

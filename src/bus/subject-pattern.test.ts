import { describe, expect, it } from 'vitest';
import { InputError } from '../shared/index.js';
import { checkPattern, checkSubject, subjectMatches } from './subject-pattern.js';

describe('subject patterns', () => {
  it('matches exact subjects, one token for "*" and one or more trailing tokens for ">"', () => {
    const cases: [string, string, boolean][] = [
      ['log.committed', 'log.committed', true],
      ['log.committed', 'log.committed.extra', false],
      ['log.*', 'log.committed', true],
      ['log.*', 'log', false],
      ['log.*', 'log.committed.extra', false],
      ['*.committed', 'log.committed', true],
      ['log.>', 'log.committed', true],
      ['log.>', 'log.committed.extra', true],
      ['log.>', 'log', false],
      ['>', 'anything.at.all', true],
      ['log.*.done', 'log.a.done', true],
      ['log.*.done', 'log.a.b.done', false],
    ];
    for (const [pattern, subject, expected] of cases)
      expect(subjectMatches(pattern, subject), `${pattern} ~ ${subject}`).toBe(expected);
  });

  it('refuses subjects with wildcards, empty tokens or spaces, saying what a good one looks like', () => {
    for (const subject of ['', 'log..committed', 'log.*', 'log.>', 'log committed', '.log']) {
      expect(() => checkSubject(subject)).toThrow(InputError);
    }
    expect(() => checkSubject('log.*')).toThrow(/"log\.\*" is not valid.*log\.committed/);
    expect(() => checkSubject('delivery.dead-lettered_1')).not.toThrow();
  });

  it('refuses patterns with ">" before the end or partial wildcards', () => {
    for (const pattern of ['log.>.x', 'log.comm*', 'log..x', ''])
      expect(() => checkPattern(pattern)).toThrow(InputError);
    for (const pattern of ['log.>', '*.committed', '>', 'log.committed'])
      expect(() => checkPattern(pattern)).not.toThrow();
  });
});

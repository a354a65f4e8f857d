import { describe, expect, it } from 'vitest';
import { parseCodeowners } from './parse-codeowners.js';

describe('parseCodeowners', () => {
  it('reads patterns and owners, skipping comments, blank lines and GitLab section headers', () => {
    const text = [
      '# owners',
      '',
      '*        @acme/platform   # everything else',
      '/src/payments/  @acme/payments @ana ana@example.com',
      'docs/my\\ notes.md @bo',
      '[Docs]',
      '/vendor/',
    ].join('\n');
    const { rules, findings } = parseCodeowners('CODEOWNERS', text);
    expect(findings).toEqual([]);
    expect(rules.map((r) => [r.line, r.pattern, r.owners.map((o) => `${o.kind}:${o.name}@${o.column}`)])).toEqual([
      [3, '*', ['team:platform@10']],
      [4, '/src/payments/', ['team:payments@17', 'user:ana@32', 'email:ana@example.com@37']],
      [5, 'docs/my notes.md', ['user:bo@19']],
      [7, '/vendor/', []],
    ]);
  });

  it('names the line of an unsupported pattern or a malformed owner, and skips that line', () => {
    const text = ['!/docs/ @acme/docs', '/src/[ab]/ @acme/core', '/lib/ acme-core', '/ok/ @acme/core'].join('\n');
    const { rules, findings } = parseCodeowners('CODEOWNERS', text);
    expect(rules.map((r) => r.pattern)).toEqual(['/ok/']);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.message.slice(0, 16)])).toEqual([
      ['codeowners-invalid', 1, 1, 'Line 1: pattern '],
      ['codeowners-invalid', 2, 1, 'Line 2: pattern '],
      ['codeowners-invalid', 3, 7, 'Line 3: owner "a'],
    ]);
    expect(findings[0]!.message).toContain('negates with "!"');
    expect(findings[1]!.message).toContain('character range');
  });
});

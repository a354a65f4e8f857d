import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../test/support/services.js';
import { bufferedOutput, EXIT, main } from '../index.js';

async function cello(...args: string[]) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: {}, cwd: PROJECT_ROOT });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

describe('cello validate', () => {
  it('exits 0 for the clean example and says so', async () => {
    const { code, stdout } = await cello('validate', 'examples/acme', '--now', '2026-12-01');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^No problems in \d+ files \(\d+ manifests\)\.\n$/);
  });

  it('exits 1 for the broken example, printing each finding with its location and a fix line', async () => {
    const { code, stdout } = await cello('validate', 'examples/broken', '--now', '2026-12-01');
    expect(code).toBe(EXIT.findings);
    expect(stdout).toContain(
      'examples/broken/cells/risk.yaml:12:7  error  unknown-field  Cell/risk: spec.offers[0] has an unknown field "limts"; did you mean "limits"?\n    fix: Rename "limts" to "limits".\n',
    );
    expect(stdout).toMatch(/\n\d+ errors and \d+ warnings in \d+ files \(\d+ manifests\)\.\n$/);
  });

  it('prints JSON for machines with --format json', async () => {
    const { code, stdout } = await cello('validate', 'examples/broken', '--format', 'json', '--now', '2026-12-01');
    expect(code).toBe(EXIT.findings);
    const body = JSON.parse(stdout) as {
      findings: { file: string; line: number; ruleId: string }[];
      summary: { errors: number; warnings: number };
    };
    expect(body.findings).toContainEqual(
      expect.objectContaining({
        file: 'examples/broken/cells/risk.yaml',
        line: 12,
        column: 7,
        ruleId: 'unknown-field',
      }),
    );
    expect(body.summary.errors).toBe(
      body.findings.filter((f) => (f as unknown as { severity: string }).severity === 'error').length,
    );
  });

  it('exits 0 with warnings only', async () => {
    const dir = path.join(PROJECT_ROOT, 'examples/acme');
    // After the cs-americas collaboration ran out (2026-11-02 + 26w), only a warning remains.
    const { code, stdout } = await cello('validate', dir, '--now', '2027-06-01');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('warning  collaboration-duration  Agreement/support-intake-for-cs-americas');
  });

  it('exits 2 when it cannot run: a missing folder, a bad format or a bad date', async () => {
    const missing = await cello('validate', 'no/such/folder');
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/error: The folder ".*no\/such\/folder" does not exist/);
    expect((await cello('validate', 'examples/acme', '--format', 'xml')).code).toBe(EXIT.failed);
    expect((await cello('validate', 'examples/acme', '--now', 'tomorrow')).stderr).toMatch(
      /--now "tomorrow" is not a date/,
    );
  });
});

import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedOutput, EXIT, main } from '../../src/cli/index.js';
import { PROJECT_ROOT } from '../support/services.js';
import { copyAcme, startAcmeApp, tempDir, type AcmeApp } from './acme-app.js';
import { startReceiver, until, type WebhookReceiver } from './webhook-receiver.js';

async function cello(args: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: { NO_COLOR: '1', ...env }, cwd });
  return { code, stdout: output.stdout, stderr: output.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cello-workflow-cli-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('take a template, adapt it, see the guardrail refuse a forbidden change', () => {
  it('validate and apply refuse a workflow that drops the risk check, naming the guardrail, the step and file:line:col', async () => {
    const orgDir = await copyAcme(path.join(dir, 'refused'), 'http://127.0.0.1:4100');
    const file = path.join(orgDir, 'workflows/finance-credit-approval.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}  overrides:\n    remove: [request-score, risk-check]\n`);
    const validate = await cello(['validate', orgDir]);
    expect(validate.code).toBe(EXIT.findings);
    const location = `${path.relative(PROJECT_ROOT, file)}:16:29`;
    expect(validate.stdout).toContain(
      `${location}  error  workflow-guardrail  Workflow/finance-credit-approval: Guardrail "big-credits-keep-risk-check" (deny) refuses workflow "finance-credit-approval": step "risk-check" is removed. A credit approval above 1,000,000 keeps the risk-check step.`,
    );
    const apply = await cello(['apply', orgDir, '--data-dir', path.join(dir, 'refused-data')]);
    expect(apply.code).toBe(EXIT.findings);
    expect(apply.stderr).toContain('Nothing was applied');
  });

  it('names the fixed step and the template when a workflow tries to remove it', async () => {
    const orgDir = await copyAcme(path.join(dir, 'fixed'), 'http://127.0.0.1:4100');
    const file = path.join(orgDir, 'workflows/cs-emea-case-handling.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('  overrides:\n', '  overrides:\n    remove: [satisfaction-check]\n'),
    );
    const { code, stdout } = await cello(['validate', orgDir]);
    expect(code).toBe(EXIT.findings);
    expect(stdout).toContain(
      'error  workflow-resolution  Workflow/cs-emea-case-handling: Workflow "cs-emea-case-handling" cannot remove step "satisfaction-check": it is fixed in template:case-handling@2; only adaptable steps may be removed or replaced.',
    );
  });

  it('shows drift and an upgrade proposal offline', async () => {
    const { code, stdout } = await cello([
      'templates',
      'drift',
      'examples/acme',
      '--workflow',
      'cs-americas-case-handling',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('cs-americas-case-handling (cell:cs-americas) adapts case-handling@1; newest is @2');
    expect(stdout).toContain(
      '! triage: the workflow and the newest version both change step "triage", differently; the proposal keeps the workflow\'s step',
    );
    expect(stdout).toContain('      from: template:case-handling@2');
  });
});

describe('cello workflows and cello tasks against a server', () => {
  let receiver: WebhookReceiver;
  let acme: AcmeApp;
  beforeAll(async () => {
    receiver = await startReceiver();
    acme = await startAcmeApp(await copyAcme(path.join(dir, 'server'), receiver.url), path.join(dir, 'server-data'));
  });
  afterAll(async () => {
    await acme?.close();
    await receiver?.close();
  });

  it('lists instances, shows one with its history, and lets the cell claim and complete its task', async () => {
    const as = (cell: 'cs-americas' | 'admin') => ({ CELLO_URL: acme.url, CELLO_TOKEN: acme.tokens[cell] });
    await acme.publish('platform', 'com.acme.support.case.opened', 'case-77', { region: 'americas', language: 'en' });
    await until(
      'case-77 waits',
      async () =>
        (await cello(['workflows', 'instances', '--state', 'waiting'], as('admin'))).stdout.includes('case case-77') ||
        undefined,
    );

    const list = await cello(
      ['workflows', 'instances', '--workflow', 'cs-americas-case-handling', '--state', 'waiting'],
      as('cs-americas'),
    );
    expect(list.stdout).toMatch(/waiting at resolve {2}cs-americas-case-handling {2}case case-77/);
    const show = await cello(
      ['workflows', 'show', '--workflow', 'cs-americas-case-handling', '--case', 'case-77'],
      as('cs-americas'),
    );
    expect(show.code).toBe(EXIT.ok);
    expect(show.stdout).toContain('cs-americas-case-handling case case-77  waiting at resolve');
    expect(show.stdout).toMatch(/step\.completed same-day-callback {2}\(event #\d+\)/);
    expect(show.stdout).toContain('timeout of resolve due');

    const tasks = await cello(['tasks', 'list', '--state', 'open', '--json'], as('cs-americas'));
    const [task] = JSON.parse(tasks.stdout) as { id: string; title: string }[];
    expect(task!.title).toBe('Call the customer back today');
    expect((await cello(['tasks', 'claim', task!.id], as('cs-americas'))).stdout).toBe(
      `Claimed ${task!.id} (Call the customer back today) as cell:cs-americas.\n`,
    );
    const done = await cello(
      ['tasks', 'complete', task!.id, '--set', 'reached=true', '--set', 'note=left a voicemail'],
      as('cs-americas'),
    );
    expect(done.stdout).toBe(`Completed ${task!.id} (Call the customer back today).\n`);
    const shown = JSON.parse(
      (
        await cello(
          ['workflows', 'show', '--workflow', 'cs-americas-case-handling', '--case', 'case-77', '--json'],
          as('admin'),
        )
      ).stdout,
    );
    expect(shown.tasks[0]).toMatchObject({
      state: 'completed',
      result: { reached: true, note: 'left a voicemail' },
      completedBy: 'cell:cs-americas',
    });

    const workflows = await cello(['workflows', 'list'], as('cs-americas'));
    expect(workflows.stdout).toContain('cs-americas-case-handling (cell:cs-americas) case-handling@1');
    const drift = await cello(['templates', 'drift', '--url', acme.url, '--json'], as('cs-americas'));
    expect(
      JSON.parse(drift.stdout).map((d: { workflow: string; adopted: number; newest: number }) => [
        d.workflow,
        d.adopted,
        d.newest,
      ]),
    ).toContainEqual(['cs-americas-case-handling', 1, 2]);
  });

  it("refuses another cell completing the task, with the server's message", async () => {
    await acme.publish('platform', 'com.acme.support.case.opened', 'case-78', { region: 'americas', language: 'en' });
    const task = await until('the callback task', async () => {
      const { body } = await acme.call('cs-americas', 'GET', '/v1/workflows/tasks?state=open');
      return body.tasks.find((t: { caseId: string }) => t.caseId === 'case-78') as { id: string } | undefined;
    });
    const refused = await cello(['tasks', 'complete', task.id], {
      CELLO_URL: acme.url,
      CELLO_TOKEN: acme.tokens['cs-emea'],
    });
    expect(refused.code).toBe(EXIT.findings);
    expect(refused.stderr).toBe(
      `error: Task "${task.id}" belongs to cell:cs-americas; a cell sees and completes only its own tasks.\n`,
    );
  });
});

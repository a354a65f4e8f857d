import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedOutput, main } from '../../src/cli/index.js';
import { newWebhookSecret, signWebhook } from '../../src/shared/index.js';
import { writeSignalsOrg } from '../support/org-fixture.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const strip = (text: string) => stripVTControlCharacters(text);

async function cello(args: string[], env: NodeJS.ProcessEnv = {}) {
  const output = bufferedOutput();
  const code = await main(['node', 'cello', ...args], { output, env: { ...env, NO_COLOR: '1' } });
  return { code, stdout: strip(output.stdout), stderr: strip(output.stderr) };
}

describe('cello plan / apply / history / token', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cello-cli-'));
  const orgDir = writeSignalsOrg({ webhookUrl: 'http://127.0.0.1:9/hook' });
  const store = ['--data-dir', dataDir];

  it('plans, applies in one go, and changes nothing the second time', async () => {
    const plan = await cello(['plan', orgDir, ...store]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('+ cell:risk (v1)');
    expect(plan.stdout).toMatch(/Plan: 9 to add, 0 to change, 0 to remove, 0 unchanged/);

    const apply = await cello(['apply', orgDir, ...store]);
    expect(apply.stdout).toMatch(/Applied: 9 add, 0 change, 0 remove, 0 unchanged\. \(event #1\)/);
    expect((await cello(['apply', orgDir, ...store])).stdout).toContain('No changes: 9 manifest(s) already applied.');
  });

  it('shows a changed field in the plan and keeps every version in history', async () => {
    const file = path.join(orgDir, 'domains.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Scoring the risk of loans.', 'Scoring loan and card risk.'),
    );
    const plan = await cello(['plan', orgDir, ...store]);
    expect(plan.stdout).toContain('~ domain:risk-scoring (v2)');
    expect(plan.stdout).toContain('spec.purpose: "Scoring the risk of loans." → "Scoring loan and card risk."');
    await cello(['apply', orgDir, ...store]);
    const history = await cello(['history', 'domain:risk-scoring', ...store]);
    expect(history.stdout).toMatch(/^v1 .* created$/m);
    expect(history.stdout).toMatch(/^v2 .* 1 field\(s\) changed$/m);
    expect((await cello(['history', 'cell:nobody', ...store])).stderr).toContain('cell:nobody was never applied');
  });

  it('refuses to apply a folder with errors and writes nothing', async () => {
    const broken = writeSignalsOrg({
      webhookUrl: 'http://127.0.0.1:9/hook',
      extra: 'apiVersion: cello/v1\nkind: Domain\nmetadata: { name: Bad_Name }\nspec: { purpose: x }\n',
    });
    const result = await cello(['apply', broken, ...store]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was applied');
    expect((await cello(['history', 'domain:risk-scoring', ...store])).stdout).not.toContain('v3');
  });

  it('creates tokens for applied cells only, prints them once, lists and revokes them', async () => {
    const created = await cello(['token', 'create', '--cell', 'risk', '--member', 'Ana', ...store]);
    expect(created.stdout.trim()).toMatch(/^cello_[\w-]{40,}$/);
    expect(created.stderr).toContain('for Ana of cell:risk');
    expect((await cello(['token', 'create', '--cell', 'nope', ...store])).stderr).toMatch(
      /no applied cell "nope" \(known: .*finance.*risk/,
    );
    expect((await cello(['token', 'create', '--cell', 'risk', '--member', 'Zed', ...store])).stderr).toContain(
      'has no member "Zed"',
    );
    expect((await cello(['token', 'create', ...store])).code).toBe(2);
    const list = await cello(['token', 'list', ...store]);
    const id = /^(\S+)\s+Ana of cell:risk/m.exec(list.stdout)![1]!;
    await cello(['token', 'revoke', id, ...store]);
    expect((await cello(['token', 'list', ...store])).stdout).toMatch(new RegExp(`${id}.*revoked`));
  });
});

describe('cello publish / tail / deliveries / replay against a server', () => {
  let server: TestApp;
  let receiver: WebhookReceiver;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.status = 500;
    server = await startTestApp({ orgDir: writeSignalsOrg({ webhookUrl: receiver.url, maxAttempts: 1 }) });
    env = { CELLO_URL: server.url, CELLO_TOKEN: await server.tokenFor('risk') };
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('publishes a risk signal and says when a retry was already in the log', async () => {
    const args = [
      'publish',
      '--type',
      'com.acme.risk.score.changed',
      '--source',
      '/risk/cli',
      '--subject',
      'loan-7',
      '--id',
      'cli-1',
      '--data',
      '{"score":0.97}',
    ];
    expect((await cello(args, env)).stdout).toMatch(/^Published: com\.acme\.risk\.score\.changed cli-1 \(#\d+\)/);
    expect((await cello(args, env)).stdout).toMatch(/^Already in the log/);
    expect((await cello([...args.slice(0, -1), '{score'], env)).stderr).toContain('--data is not valid JSON');
    const refused = await cello(['publish', '--type', 'com.acme.finance.credit.decided', '--source', '/x'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is offered by cell:finance');
  });

  it('tails the log from a position', async () => {
    const tail = await cello(['tail', '--after', '0', '--type', 'com.acme.risk.*', '--count', '1'], env);
    expect(tail.stdout).toMatch(/#\d+ .*com\.acme\.risk\.score\.changed loan-7 \/risk\/cli \{"score":0\.97\}/);
  });

  it('lists failed deliveries with their attempts and replays dead letters', async () => {
    const finance = { ...env, CELLO_TOKEN: await server.tokenFor('finance') };
    await eventually(async () => (await cello(['deliveries', '--failed'], finance)).stdout.includes('dead'));
    const listed = await cello(['deliveries', '--failed', '--attempts'], finance);
    expect(listed.stdout).toMatch(/dead {2}finance-high-risk {2}event #\d+ {2}1 attempt\(s\) {2}last 500/);
    expect(listed.stdout).toMatch(/#1 \S+ dead 500 \d+ms the webhook answered 500/);
    receiver.status = 204;
    expect((await cello(['replay', '--dead-letters', '--subscription', 'finance-high-risk'], finance)).stdout).toBe(
      'Queued 1 delivery again.\n',
    );
    await eventually(() => receiver.received.filter((r) => r.json.id === 'cli-1').length === 2);
    expect((await cello(['replay', '--dead-letters'], finance)).stderr).toContain(
      '--dead-letters needs --subscription',
    );
    expect(
      (await cello(['replay', '--from', '999999', '--subscription', 'finance-high-risk'], finance)).stderr,
    ).toMatch(/The log ends at event #\d+; --from 999999 is past it/);
    expect((await cello(['replay', '--dead-letters', '--subscription', 'finance-high-risk'], env)).stderr).toContain(
      'belongs to cell:finance',
    );
  });

  it('runs a webhook receiver that fetches the subscription secret and verifies signatures', async () => {
    const output = bufferedOutput();
    const finance = { ...env, CELLO_TOKEN: await server.tokenFor('finance'), NO_COLOR: '1' };
    const running = main(
      ['node', 'cello', 'receive', '--port', '0', '--subscription', 'finance-high-risk', '--count', '2'],
      { output, env: finance },
    );
    const port = await eventually(() => /127\.0\.0\.1:(\d+)/.exec(output.stdout)?.[1]);
    const { secret } = (await (await server.call('/v1/subscriptions/finance-high-risk/secret')).json()) as {
      secret: string;
    };
    const body = JSON.stringify({
      specversion: '1.0',
      id: 'r1',
      source: '/t',
      type: 'com.acme.risk.score.changed',
      data: { score: 1 },
    });
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers, body });
    await post(signWebhook({ id: 'msg_1', timestamp: Math.floor(Date.now() / 1000), body, secret }));
    await post(
      signWebhook({ id: 'msg_2', timestamp: Math.floor(Date.now() / 1000), body, secret: newWebhookSecret() }),
    );
    expect(await running).toBe(0);
    const lines = strip(output.stdout).split('\n');
    expect(lines.find((l) => l.includes('msg_1'))).toMatch(
      /com\.acme\.risk\.score\.changed \{"score":1\} {2}signature ok/,
    );
    expect(lines.find((l) => l.includes('msg_2'))).toMatch(/signature refused/);
  });

  it('says clearly when no server answers', async () => {
    const result = await cello(['deliveries'], { CELLO_URL: 'http://127.0.0.1:9', CELLO_TOKEN: 'x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No Cello server answers at http://127.0.0.1:9');
  });
});

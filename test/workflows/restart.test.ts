import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/index.js';
import { copyAcme, startAcmeApp, tempDir, type AcmeApp } from './acme-app.js';
import { manifests, startHarness } from './harness.js';
import { startReceiver, until, type WebhookReceiver } from './webhook-receiver.js';

let dir: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  dir = await tempDir('cello-workflow-restart-');
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a server stopped mid-case', () => {
  it('resumes every instance where it was after a restart, and no step runs twice', async () => {
    const orgDir = await copyAcme(dir, receiver.url);
    const dataDir = path.join(dir, 'data');
    let acme: AcmeApp = await startAcmeApp(orgDir, dataDir);
    const tokens = acme.tokens;
    // Risk is down at first: the score request waits in the outbox.
    receiver.respond('/hooks/risk-checks', 503);
    receiver.on(
      '/hooks/risk-checks',
      (call) =>
        void until('the score is published', () =>
          acme.publish('risk', 'com.acme.risk.score.changed', call.json.data.loan, { score: 0.7 }).then(
            () => true,
            () => false,
          ),
        ),
    );

    await acme.publish('finance', 'com.acme.finance.credit.requested', 'loan-2001', { amount: 80000, currency: 'EUR' });
    await acme.publish('platform', 'com.acme.support.case.opened', 'case-21', { region: 'emea', language: 'fr' });
    await until('both cases waiting', async () => {
      const { body } = await acme.call('admin', 'GET', '/v1/workflows/instances?state=waiting');
      return body.instances.length === 2 || undefined;
    });
    await acme.close();

    // Risk is back; the restarted server sends the pending request, the score arrives, the case goes on.
    receiver.respond('/hooks/risk-checks', 204);
    acme = await startAcmeApp(orgDir, dataDir, tokens);
    const task = await until('the analyst task', async () => {
      const { body } = await acme.call('finance', 'GET', '/v1/workflows/tasks?state=open');
      return body.tasks[0] as { id: string } | undefined;
    });
    await acme.close();

    acme = await startAcmeApp(orgDir, dataDir, tokens);
    await acme.call('finance', 'POST', `/v1/workflows/tasks/${task.id}/complete`, { result: { decision: 'declined' } });
    await acme.publish('platform', 'com.acme.support.case.resolved', 'case-21', {});
    await until('both cases completed', async () => {
      const { body } = await acme.call('admin', 'GET', '/v1/workflows/instances?state=completed');
      return body.instances.length === 2 || undefined;
    });

    const { body: decided } = await acme.call(
      'admin',
      'GET',
      '/v1/events?type=com.acme.finance.credit.decided&subject=loan-2001',
    );
    expect(decided.events.map((e: { data: { decision: string } }) => e.data.decision)).toEqual([
      'referred',
      'declined',
    ]);
    const { body: steps } = await acme.call(
      'admin',
      'GET',
      '/v1/events?type=dev.cello.workflow.step.completed&limit=100',
    );
    const ran = steps.events.map((e: { subject: string; data: { step: string } }) => `${e.subject} ${e.data.step}`);
    expect(ran.sort()).toEqual(
      [
        'loan-2001 record',
        'loan-2001 request-score',
        'loan-2001 risk-check',
        'loan-2001 decide',
        'loan-2001 refer-to-analyst',
        'loan-2001 analyst-decision',
        'case-21 acknowledge',
        'case-21 triage',
        'case-21 resolve',
        'case-21 satisfaction-check',
      ].sort(),
    );
    // The score request was refused once, then sent again with the same idempotency key.
    const checks = receiver.calls.filter((c) => c.path === '/hooks/risk-checks');
    expect(new Set(checks.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    await acme.close();
  });
});

describe('durable timers', () => {
  const org = manifests(`
apiVersion: cello/v1
kind: Template
metadata: { name: follow-up }
spec:
  version: 1
  start: { type: com.acme.lead.created }
  steps:
    - id: wait-reply
      mode: fixed
      on: { type: com.acme.lead.replied }
      do: [{ complete: true }]
      timeout: { after: 2h, then: [{ raiseTension: { type: capacity, title: Leads wait too long } }, { branch: [{ when: "true", goto: nudge }] }] }
    - id: nudge
      mode: adaptable
      do: [{ emit: { type: com.acme.lead.nudged } }, { complete: true }]
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: sales-follow-up }
spec: { from: template:follow-up@1, cell: cell:sales }
`);

  it('fire after a restart, once, and are not lost', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00.000Z');
    const dataDir = path.join(dir, 'timers');
    const quiet = { timerPollMs: 3_600_000 };
    let harness = await startHarness(org, { clock, dataDir, engine: quiet });
    await harness.publish('com.acme.lead.created', 'lead-1');
    await harness.publish('com.acme.lead.created', 'lead-2');
    await harness.engine.settle();
    await harness.close();

    // Down while the timers came due.
    clock.advance(3 * 3_600_000);
    harness = await startHarness(org, { clock, dataDir, engine: quiet, apply: false });
    expect(await harness.engine.fireDueTimers()).toBe(2);
    await harness.engine.settle();
    await harness.close();

    harness = await startHarness(org, { clock, dataDir, engine: quiet, apply: false });
    expect(await harness.engine.fireDueTimers()).toBe(0);
    await harness.engine.settle();
    const nudged = await harness.store.events.query({ types: ['com.acme.lead.nudged'], limit: 10 });
    expect(nudged.map((e) => e.subject).sort()).toEqual(['lead-1', 'lead-2']);
    const escalated = await harness.store.events.query({
      types: ['dev.cello.workflow.escalated', 'dev.cello.tension.detected'],
      limit: 10,
    });
    expect(escalated.map((e) => e.type).sort()).toEqual([
      'dev.cello.tension.detected',
      'dev.cello.tension.detected',
      'dev.cello.workflow.escalated',
      'dev.cello.workflow.escalated',
    ]);
    expect((await harness.engine.instances.list({ state: 'completed' })).length).toBe(2);
    await harness.close();
  });
});

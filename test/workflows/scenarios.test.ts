import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/shared/index.js';
import { copyAcme, startAcmeApp, tempDir, type AcmeApp } from './acme-app.js';
import { startReceiver, until, type WebhookReceiver } from './webhook-receiver.js';
import {
  parseCelloEvent,
  WorkflowCompleted,
  WorkflowStarted,
  WorkflowStepCompleted,
  WorkflowTaskCompleted,
  WorkflowWebhook,
} from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

// The three shipped templates on a real server with the example organization, real webhooks on 127.0.0.1.
let dir: string;
let receiver: WebhookReceiver;
let acme: AcmeApp;

beforeAll(async () => {
  dir = await tempDir('cello-workflow-scenarios-');
  receiver = await startReceiver();
  acme = await startAcmeApp(await copyAcme(dir, receiver.url), path.join(dir, 'data'));
  // The risk cell answers score requests by publishing a score for the loan, as its real service would.
  const scores: Record<string, number> = { 'loan-1001': 0.7, 'loan-1002': 0.2 };
  receiver.on('/hooks/risk-checks', async (call) => {
    const loan = call.json.data.loan as string;
    await acme.publish('risk', 'com.acme.risk.score.changed', loan, { score: scores[loan] ?? 0.5, model: 'pd-2026' });
  });
});

afterAll(async () => {
  await acme?.close();
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
});

const decisions = async (loan: string) => {
  const { body } = await acme.call('admin', 'GET', `/v1/events?type=com.acme.finance.credit.decided&subject=${loan}`);
  return (body.events as { data: { decision: string } }[]).map((e) => e.data.decision);
};
const instanceOf = async (workflow: string, caseId: string) => {
  const { body } = await acme.call(
    'admin',
    'GET',
    `/v1/workflows/instances?workflow=${workflow}&case=${encodeURIComponent(caseId)}`,
  );
  return body.instances[0] as
    { id: string; state: string; step: string | null; vars: Record<string, unknown>; template: string } | undefined;
};

describe('shipped templates, end to end', () => {
  it('lists the four workflows of the example organization, all running', async () => {
    const { body } = await acme.call('cs-emea', 'GET', '/v1/workflows');
    expect(body.workflows.map((w: { name: string; runnable: boolean }) => [w.name, w.runnable])).toEqual([
      ['cs-americas-case-handling', true],
      ['cs-emea-case-handling', true],
      ['finance-credit-approval', true],
      ['manufacturing-production-adjustment', true],
    ]);
  });

  it('credit approval: asks risk by signed webhook, tightens its limit when risk is elevated, refers to an analyst', async () => {
    await acme.publish('finance', 'com.acme.finance.credit.requested', 'loan-1001', { amount: 80000, currency: 'EUR' });
    await acme.publish('finance', 'com.acme.finance.credit.requested', 'loan-1002', { amount: 60000, currency: 'EUR' });
    await acme.publish('finance', 'com.acme.finance.credit.requested', 'loan-1003', { amount: 5000, currency: 'EUR' });

    // Normal risk (0.2): 60,000 is within the 100,000 limit. Small credits skip the risk check.
    expect(
      await until('loan-1002 decided', async () =>
        (await decisions('loan-1002')).length ? decisions('loan-1002') : undefined,
      ),
    ).toEqual(['approved']);
    expect(
      await until('loan-1003 decided', async () =>
        (await decisions('loan-1003')).length ? decisions('loan-1003') : undefined,
      ),
    ).toEqual(['approved']);
    // Elevated risk (0.7): the limit halves to 50,000, so 80,000 goes to an analyst.
    const waiting = await until('loan-1001 referred', async () => {
      const i = await instanceOf('finance-credit-approval', 'loan-1001');
      return i?.step === 'analyst-decision' ? i : undefined;
    });
    expect(waiting.vars).toMatchObject({ amount: 80000, score: 0.7, limit: 50000 });

    const checks = receiver.calls.filter((c) => c.path === '/hooks/risk-checks');
    expect(checks.map((c) => c.json.data.loan).sort()).toEqual(['loan-1001', 'loan-1002']);
    const { body: secret } = await acme.call('finance', 'GET', '/v1/workflows/finance-credit-approval/secret');
    for (const check of checks) {
      expect(verifyWebhook(check.headers as Record<string, string>, check.raw, secret.secret)).toMatchObject({
        id: check.headers['idempotency-key'],
      });
      expect(check.json).toMatchObject({
        type: 'dev.cello.workflow.webhook',
        workflow: 'finance-credit-approval',
        step: 'request-score',
      });
    }

    // Only finance sees and completes its task.
    expect((await acme.call('cs-emea', 'GET', '/v1/workflows/tasks')).body.tasks).toEqual([]);
    const { body: tasks } = await acme.call('finance', 'GET', '/v1/workflows/tasks?state=open');
    const task = tasks.tasks.find((t: { caseId: string }) => t.caseId === 'loan-1001');
    expect(task).toMatchObject({ title: 'Decide a referred credit request', cell: 'finance' });
    expect((await acme.call('cs-emea', 'POST', `/v1/workflows/tasks/${task.id}/claim`)).status).toBe(403);
    expect((await acme.call('finance', 'POST', `/v1/workflows/tasks/${task.id}/claim`)).body).toMatchObject({
      state: 'claimed',
      claimedBy: 'cell:finance',
    });
    expect(
      (
        await acme.call('finance', 'POST', `/v1/workflows/tasks/${task.id}/complete`, {
          result: { decision: 'approved' },
        })
      ).body.state,
    ).toBe('completed');

    expect(
      await until('loan-1001 approved by the analyst', async () =>
        (await decisions('loan-1001')).length === 2 ? decisions('loan-1001') : undefined,
      ),
    ).toEqual(['referred', 'approved']);
    expect(await instanceOf('finance-credit-approval', 'loan-1001')).toMatchObject({ state: 'completed' });
    // cs-emea's subscription delivered the decisions that were not referrals to its webhook.
    await until(
      'decisions delivered to cs-emea',
      () => receiver.calls.filter((c) => c.path === '/hooks/credit-decisions').length >= 3 || undefined,
    );
  });

  it('production adjustment: small changes adjust at once, large ones wait for a capacity check; the subscription filters far horizons', async () => {
    await acme.publish('demand-planning', 'com.acme.demand.forecast.changed', 'sku-a', {
      sku: 'A-100',
      changePercent: 6,
      horizonWeeks: 4,
    });
    await acme.publish('demand-planning', 'com.acme.demand.forecast.changed', 'sku-b', {
      sku: 'B-200',
      changePercent: 25,
      horizonWeeks: 6,
    });
    await acme.publish('demand-planning', 'com.acme.demand.forecast.changed', 'sku-c', {
      sku: 'C-300',
      changePercent: 30,
      horizonWeeks: 11,
    });
    await acme.publish('demand-planning', 'com.acme.demand.forecast.changed', 'sku-d', {
      sku: 'D-400',
      changePercent: 1,
      horizonWeeks: 2,
    });

    const plan = () => receiver.calls.filter((c) => c.path === '/hooks/production-plan').map((c) => c.json.data);
    await until('A-100 adjusted', () => plan().some((d) => d.sku === 'A-100') || undefined);
    const task = await until('a capacity check for B-200', async () => {
      const { body } = await acme.call(
        'manufacturing',
        'GET',
        '/v1/workflows/tasks?state=open&workflow=manufacturing-production-adjustment',
      );
      return body.tasks[0] as { id: string; caseId: string } | undefined;
    });
    expect(task.caseId.startsWith('B-200/')).toBe(true);
    await acme.call('manufacturing', 'POST', `/v1/workflows/tasks/${task.id}/complete`, {
      result: { changePercent: 20 },
    });
    await until('B-200 adjusted', () => plan().some((d) => d.sku === 'B-200') || undefined);

    expect(plan()).toEqual([
      { sku: 'A-100', changePercent: 6 },
      { sku: 'B-200', changePercent: 20 },
    ]);
    const { body } = await acme.call(
      'admin',
      'GET',
      '/v1/workflows/instances?workflow=manufacturing-production-adjustment',
    );
    expect(
      body.instances.map((i: { caseId: string; state: string }) => [i.caseId.split('/')[0], i.state]).sort(),
    ).toEqual([
      ['A-100', 'completed'],
      ['B-200', 'completed'],
    ]);
    const { body: adjusted } = await acme.call('admin', 'GET', '/v1/events?type=com.acme.manufacturing.plan.adjusted');
    expect(adjusted.events.map((e: { data: { sku: string } }) => e.data.sku).sort()).toEqual(['A-100', 'B-200']);
  });

  it('case handling: two regional cells run their own adaptations of one template, side by side in the log', async () => {
    await acme.publish('platform', 'com.acme.support.case.opened', 'case-1', {
      region: 'emea',
      language: 'de',
      topic: 'outage',
    });
    await acme.publish('platform', 'com.acme.support.case.opened', 'case-2', {
      region: 'americas',
      language: 'es',
      topic: 'billing',
    });

    const emea = await until('case-1 triaged by cs-emea', async () => {
      const i = await instanceOf('cs-emea-case-handling', 'case-1');
      return i?.step === 'resolve' ? i : undefined;
    });
    expect(emea.vars).toMatchObject({ queue: 'dach', priority: 'high', language: 'de' });
    expect(emea.template).toBe('case-handling@2');
    const americas = await until('case-2 triaged by cs-americas', async () => {
      const i = await instanceOf('cs-americas-case-handling', 'case-2');
      return i?.step === 'resolve' ? i : undefined;
    });
    expect(americas.vars).toMatchObject({ priority: 'high' });
    expect(await instanceOf('cs-americas-case-handling', 'case-1')).toBeUndefined();
    const { body: callbacks } = await acme.call('cs-americas', 'GET', '/v1/workflows/tasks?state=open');
    expect(callbacks.tasks.map((t: { title: string; caseId: string }) => [t.title, t.caseId])).toEqual([
      ['Call the customer back today', 'case-2'],
    ]);

    await acme.publish('platform', 'com.acme.support.case.resolved', 'case-1', {});
    await acme.publish('platform', 'com.acme.support.case.resolved', 'case-2', {});
    await until(
      'both cases completed',
      async () =>
        (await instanceOf('cs-emea-case-handling', 'case-1'))?.state === 'completed' &&
        (await instanceOf('cs-americas-case-handling', 'case-2'))?.state === 'completed',
    );
    // Version 2 asks for a satisfaction survey; version 1 does not.
    await until(
      'survey for case-1',
      () => receiver.calls.some((c) => c.path === '/hooks/surveys' && c.json.data.caseId === 'case-1') || undefined,
    );
    expect(receiver.calls.filter((c) => c.path === '/hooks/surveys').map((c) => c.json.data)).toEqual([
      { caseId: 'case-1', language: 'de', priority: 'high' },
    ]);

    // Every transition is in the log, tagged with the workflow and the template version: the variants insights compare.
    const steps = async (subject: string) => {
      const { body } = await acme.call(
        'admin',
        'GET',
        `/v1/events?type=dev.cello.workflow.step.completed&subject=${subject}`,
      );
      return body.events.map(
        (e: { step: string; template: string; data: { step: string } }) => `${e.template} ${e.data.step}`,
      );
    };
    expect(await steps('case-1')).toEqual([
      'case-handling@2 acknowledge',
      'case-handling@2 triage',
      'case-handling@2 resolve',
      'case-handling@2 satisfaction-check',
    ]);
    expect(await steps('case-2')).toEqual([
      'case-handling@1 acknowledge',
      'case-handling@1 triage',
      'case-handling@1 same-day-callback',
      'case-handling@1 resolve',
    ]);

    const { body: detail } = await acme.call('cs-emea', 'GET', `/v1/workflows/instances/${emea.id}`);
    expect(
      detail.history.map((h: { kind: string; step: string | null }) => `${h.kind}${h.step ? ` ${h.step}` : ''}`),
    ).toEqual([
      'started',
      'step.completed acknowledge',
      'step.completed triage',
      'step.completed resolve',
      'step.completed satisfaction-check',
      'completed',
    ]);
    expect(detail.webhooks).toEqual([
      expect.objectContaining({ step: 'satisfaction-check', status: 'succeeded', attempts: 1 }),
    ]);
  });

  it('sent webhook steps as the catalogue describes WorkflowWebhook', async () => {
    const sent = receiver.calls.filter((c) => c.json.type === WorkflowWebhook);
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(parseCelloEvent(call.json as { type: string })).toMatchObject({ ok: true });
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(acme.app.store.events, [
      WorkflowStarted,
      WorkflowStepCompleted,
      WorkflowTaskCompleted,
      WorkflowCompleted,
    ]);
  });
});

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { newId } from '../../src/shared/index.js';
import { describeWith } from '../support/services.js';
import { copyAcme, tempDir } from './acme-app.js';
import { checkBuild, startCelloProcess, type CelloProcess } from './cello-process.js';
import { startReceiver, until } from './webhook-receiver.js';

const ADMIN = `admin-${newId()}`;
const LOANS = Array.from({ length: 20 }, (_, i) => `loan-${3000 + i}`);

describeWith(checkBuild(), 'a `cello serve` process killed with SIGKILL mid-case', () => {
  let dir: string | undefined;
  let server: CelloProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('resumes every case after a restart, and no step runs twice', { timeout: 120_000 }, async () => {
    dir = await tempDir('cello-workflow-sigkill-');
    const receiver = await startReceiver();
    const orgDir = await copyAcme(dir, receiver.url);
    const dataDir = path.join(dir, 'data');
    const api = async (method: string, route: string, body?: unknown, type = 'application/json') => {
      const response = await fetch(`${server!.url}${route}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, ...(body !== undefined ? { 'content-type': type } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}`);
      return response.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const publish = (type: string, subject: string, data: unknown) =>
      api(
        'POST',
        '/v1/events',
        {
          specversion: '1.0',
          id: `${type}-${subject}`,
          source: '/acme/test',
          type,
          subject,
          datacontenttype: 'application/json',
          data,
        },
        'application/cloudevents+json',
      );
    // Risk answers each score request by publishing a score, retrying while the server is down.
    receiver.on('/hooks/risk-checks', async (call) => {
      await until(
        'the score is published',
        () =>
          publish('com.acme.risk.score.changed', call.json.data.loan, { score: 0.7 }).then(
            () => true,
            () => false,
          ),
        60_000,
      );
    });

    server = await startCelloProcess(orgDir, dataDir, ADMIN);
    for (const loan of LOANS)
      await publish('com.acme.finance.credit.requested', loan, { amount: 80000, currency: 'EUR' });
    await until(
      'a few score requests',
      () => receiver.calls.filter((c) => c.path === '/hooks/risk-checks').length >= 3 || undefined,
      30_000,
    );
    await server.kill();

    server = await startCelloProcess(orgDir, dataDir, ADMIN);
    const tasks = await until(
      'every case waits for an analyst',
      async () => {
        const { tasks: open } = await api('GET', '/v1/workflows/tasks?state=open&limit=1000');
        return open.length === LOANS.length ? (open as { id: string }[]) : undefined;
      },
      60_000,
    );
    for (const task of tasks)
      await api('POST', `/v1/workflows/tasks/${task.id}/complete`, { result: { decision: 'approved' } });
    await until(
      'every case completed',
      async () => {
        const { instances } = await api(
          'GET',
          '/v1/workflows/instances?workflow=finance-credit-approval&state=completed&limit=1000',
        );
        return instances.length === LOANS.length || undefined;
      },
      60_000,
    );

    const events = async (type: string) =>
      (await api('GET', `/v1/events?type=${type}&limit=1000`)).events as {
        subject: string;
        data: Record<string, string>;
      }[];
    const steps = (await events('dev.cello.workflow.step.completed')).map((e) => `${e.subject} ${e.data.step}`);
    expect(steps.length).toBe(new Set(steps).size);
    expect(steps.length).toBe(LOANS.length * 6);
    expect((await events('dev.cello.workflow.started')).length).toBe(LOANS.length);
    const decisions = new Map<string, string[]>();
    for (const e of await events('com.acme.finance.credit.decided'))
      decisions.set(e.subject, [...(decisions.get(e.subject) ?? []), e.data.decision!]);
    for (const loan of LOANS) expect(decisions.get(loan)).toEqual(['referred', 'approved']);
    // At least once, with one idempotency key per score request however often it was sent.
    const keys = new Map<string, Set<string>>();
    for (const call of receiver.calls.filter((c) => c.path === '/hooks/risk-checks')) {
      const key = String(call.headers['idempotency-key']);
      keys.set(key, (keys.get(key) ?? new Set()).add(call.json.data.loan));
    }
    expect(keys.size).toBe(LOANS.length);
    expect([...keys.values()].every((loans) => loans.size === 1)).toBe(true);
    await receiver.close();
  });
});

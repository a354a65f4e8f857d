import { afterEach, describe, expect, it } from 'vitest';
import { logConsumerDb } from '../../src/engine/index.js';
import { CURSOR_NAME } from '../../src/workflows/index.js';
import { applyManifests } from '../../src/manifests/index.js';
import { WorkflowWebhookDeadLettered, type Manifest } from '../../src/model/index.js';
import { ManualClock, systemClock } from '../../src/shared/index.js';
import { manifests, startHarness, type Harness } from './harness.js';
import { celloEventProblems } from '../support/cello-event-problems.js';
import { startReceiver } from './webhook-receiver.js';

const org = manifests(`
apiVersion: cello/v1
kind: Template
metadata: { name: review }
spec:
  version: 1
  parameters: [{ name: reviewTime, type: duration, default: 1h }]
  start: { type: com.acme.doc.submitted }
  caseId: event.data.doc
  steps:
    - id: record
      mode: fixed
      do: [{ set: { author: event.data.author } }]
    - id: review
      mode: adaptable
      do: [{ task: { cell: cell:editors, title: Review the document, due: '\${reviewTime}' } }]
    - id: await-review
      mode: fixed
      on: { type: dev.cello.workflow.task.completed, condition: event.data.step == "review" }
      do:
        - set: { verdict: event.data.result.verdict }
        - branch: [{ when: vars.verdict == "rework", goto: await-fix }]
        - emit: { type: com.acme.doc.published, data: { author: vars.author } }
        - complete: true
      timeout: { after: 2h, then: [{ raiseTension: { type: capacity, title: Reviews take too long } }] }
    - id: await-fix
      mode: adaptable
      on: { type: com.acme.doc.fixed }
      do: [{ complete: true }]
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: editors-review }
spec:
  from: template:review@1
  cell: cell:editors
`);

let harness: Harness | undefined;
afterEach(async () => {
  // Whatever a test did, the Cello events it left are the ones the event catalogue describes.
  const problems = harness ? (await celloEventProblems(harness.store.events)).problems : [];
  await harness?.close();
  harness = undefined;
  expect(problems).toEqual([]);
});

describe('the workflow engine', () => {
  it('starts an instance from the start event, waits for a human task, and finishes with an emitted event', async () => {
    harness = await startHarness(org);
    const { engine } = harness;
    await harness.publish('com.acme.doc.submitted', 'upload-1', { doc: 'doc-7', author: 'ana' });
    await engine.settle();
    const [instance] = await engine.instances.list({ workflow: 'editors-review' });
    expect(instance).toMatchObject({
      caseId: 'doc-7',
      state: 'waiting',
      step: 'await-review',
      vars: { author: 'ana' },
      template: 'review@1',
    });

    const [task] = await engine.tasks.list({ cell: 'editors', state: ['open'] });
    expect(task).toMatchObject({ title: 'Review the document', step: 'review', caseId: 'doc-7' });
    await engine.tasks.claim(task!.id, { kind: 'cell', cell: 'editors', tokenId: 't', member: 'Ana' });
    await engine.tasks.complete(task!.id, { kind: 'cell', cell: 'editors', tokenId: 't' }, { verdict: 'ok' });
    await engine.settle();

    const detail = await engine.instances.get(instance!.id);
    expect(detail.state).toBe('completed');
    expect(detail.history.map((h) => `${h.kind}${h.step ? ` ${h.step}` : ''}`)).toEqual([
      'started',
      'step.completed record',
      'step.completed review',
      'step.completed await-review',
      'completed',
    ]);
    expect(detail.timers.map((t) => [t.kind, t.state])).toEqual(
      expect.arrayContaining([
        ['task-due', 'cancelled'],
        ['timeout', 'cancelled'],
      ]),
    );
    const published = await harness.store.events.query({ types: ['com.acme.doc.published'], limit: 10 });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      subject: 'doc-7',
      data: { author: 'ana' },
      extensions: { workflow: 'editors-review', template: 'review@1' },
    });
    const transitions = await harness.store.events.query({ types: ['dev.cello.workflow.*'], limit: 50 });
    expect(transitions.map((e) => e.type)).toEqual([
      'dev.cello.workflow.started',
      'dev.cello.workflow.step.completed',
      'dev.cello.workflow.task.created',
      'dev.cello.workflow.step.completed',
      'dev.cello.workflow.task.claimed',
      'dev.cello.workflow.task.completed',
      'dev.cello.workflow.step.completed',
      'dev.cello.workflow.completed',
    ]);
    expect(transitions.every((e) => e.subject === 'doc-7' && e.extensions?.workflow === 'editors-review')).toBe(true);
  });

  it('ignores a second start for the same case and events for other cases', async () => {
    harness = await startHarness(org);
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-1', author: 'ana' });
    await harness.publish('com.acme.doc.submitted', 'b', { doc: 'doc-1', author: 'bo' });
    await harness.publish('com.acme.doc.fixed', 'doc-1');
    await harness.engine.settle();
    const instances = await harness.engine.instances.list();
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({ state: 'waiting', step: 'await-review', vars: { author: 'ana' } });
  });

  it('fires a durable timeout once and escalates, and marks an overdue task', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00.000Z');
    harness = await startHarness(org, { clock, engine: { timerPollMs: 60_000 } });
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-9', author: 'ana' });
    await harness.engine.settle();
    clock.advance(61 * 60_000);
    expect(await harness.engine.fireDueTimers()).toBe(1);
    clock.advance(60 * 60_000);
    expect(await harness.engine.fireDueTimers()).toBe(1);
    expect(await harness.engine.fireDueTimers()).toBe(0);
    const escalations = await harness.store.events.query({ types: ['dev.cello.workflow.escalated'], limit: 10 });
    expect(escalations.map((e) => (e.data as { reason: string }).reason)).toEqual(['task-overdue', 'timeout']);
    expect((escalations[1]!.data as { tension: unknown }).tension).toEqual({
      type: 'capacity',
      title: 'Reviews take too long',
      cells: [],
    });
    const [task] = await harness.engine.tasks.list();
    expect(task!.overdue).toBe(true);
    const [instance] = await harness.engine.instances.list();
    expect(instance).toMatchObject({ state: 'waiting', step: 'await-review' });
  });

  it('takes a branch and waits for the event of the step it jumped to', async () => {
    harness = await startHarness(org);
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-2', author: 'ana' });
    await harness.engine.settle();
    const [task] = await harness.engine.tasks.list();
    await harness.engine.tasks.complete(task!.id, { kind: 'admin' }, { verdict: 'rework' });
    await harness.engine.settle();
    expect((await harness.engine.instances.list())[0]).toMatchObject({ state: 'waiting', step: 'await-fix' });
    await harness.publish('com.acme.doc.fixed', 'doc-2');
    await harness.engine.settle();
    expect((await harness.engine.instances.list())[0]).toMatchObject({ state: 'completed', step: null });
  });

  it('refuses a task of another cell and a task completed twice', async () => {
    harness = await startHarness(org);
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-3', author: 'ana' });
    await harness.engine.settle();
    const [task] = await harness.engine.tasks.list();
    await expect(
      harness.engine.tasks.complete(task!.id, { kind: 'cell', cell: 'sales', tokenId: 't' }),
    ).rejects.toThrow('Task "' + task!.id + '" belongs to cell:editors; a cell sees and completes only its own tasks.');
    await harness.engine.tasks.complete(task!.id, { kind: 'admin' }, { verdict: 'ok' });
    await expect(harness.engine.tasks.complete(task!.id, { kind: 'admin' })).rejects.toThrow(
      `Task "${task!.id}" is completed, so it cannot be completed now.`,
    );
  });
});

describe('a new template version', () => {
  it('notifies the adopting workflow once, with what an upgrade would change', async () => {
    harness = await startHarness(org);
    const v1 = org.find((m) => m.kind === 'Template')! as Extract<Manifest, { kind: 'Template' }>;
    const v2 = {
      ...v1,
      spec: {
        ...v1.spec,
        version: 2,
        steps: v1.spec.steps
          .filter((s) => s.id !== 'await-fix')
          .map((s) => (s.id === 'await-review' ? { ...s, do: s.do.filter((a) => !('branch' in a)) } : s)),
      },
    };
    await applyManifests(harness.store, [...org, v2 as Manifest], { clock: systemClock, actor: 'test' });
    await harness.engine.settle();
    await applyManifests(
      harness.store,
      [...org, v2 as Manifest, { ...org[1]!, metadata: { name: 'editors-review', title: 'Reviews' } } as Manifest],
      { clock: systemClock, actor: 'test' },
    );
    await harness.engine.settle();
    const notices = await harness.store.events.query({ types: ['dev.cello.workflow.upgrade-available'], limit: 10 });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      subject: 'workflow:editors-review',
      data: { workflow: 'editors-review', cell: 'editors', template: 'review', adopted: 1, newest: 2, conflicts: [] },
    });
    expect((notices[0]!.data as { changes: { step: string; change: string }[] }).changes).toEqual([
      { step: 'await-review', change: 'changed', fields: ['do'] },
      { step: 'await-fix', change: 'removed' },
    ]);
  });
});

describe('exactly once', () => {
  it('runs no step again when the log is read again from the start', async () => {
    harness = await startHarness(org);
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-5', author: 'ana' });
    await harness.engine.settle();
    const [task] = await harness.engine.tasks.list();
    await harness.engine.tasks.complete(task!.id, { kind: 'admin' }, { verdict: 'ok' });
    await harness.engine.settle();
    const count = async () =>
      (await harness!.store.events.query({ types: ['dev.cello.workflow.*', 'com.acme.doc.published'], limit: 100 }))
        .length;
    const before = await count();
    await harness.engine.stop();
    await logConsumerDb(harness.store.db)
      .updateTable('log_consumers')
      .set({ seq: 0 })
      .where('name', '=', CURSOR_NAME)
      .execute();
    await harness.engine.start();
    await harness.engine.settle();
    expect(await count()).toBe(before);
    expect((await harness.engine.tasks.list()).length).toBe(1);
    expect((await harness.engine.instances.list())[0]).toMatchObject({ state: 'completed', transitions: 3 });
  });

  it('runs no step again for an instance still waiting when the log is read again from the start', async () => {
    const pings = manifests(`
apiVersion: cello/v1
kind: Template
metadata: { name: pings }
spec:
  version: 1
  start: { type: com.acme.session.started }
  steps:
    - id: on-ping
      mode: fixed
      on: { type: com.acme.ping }
      do: [{ task: { cell: cell:ops, title: Answer the ping } }]
    - id: again
      mode: fixed
      do: [{ branch: [{ when: 'true', goto: on-ping }] }]
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: ops-pings }
spec:
  from: template:pings@1
  cell: cell:ops
`);
    harness = await startHarness(pings);
    await harness.publish('com.acme.session.started', 'session-1');
    await harness.publish('com.acme.ping', 'session-1');
    await harness.publish('com.acme.ping', 'session-1');
    await harness.engine.settle();
    expect(await harness.engine.tasks.list()).toHaveLength(2);
    const [before] = await harness.engine.instances.list();
    await harness.engine.stop();
    await logConsumerDb(harness.store.db)
      .updateTable('log_consumers')
      .set({ seq: 0 })
      .where('name', '=', CURSOR_NAME)
      .execute();
    await harness.engine.start();
    await harness.engine.settle();
    expect(await harness.engine.tasks.list()).toHaveLength(2);
    expect((await harness.engine.instances.list())[0]!.transitions).toBe(before!.transitions);
  });

  it('starts nothing from history (events with the simulation extension)', async () => {
    harness = await startHarness(org);
    await harness.runtime.publisher.publish({ kind: 'admin' }, [
      {
        specversion: '1.0',
        id: 'h1',
        source: '/import',
        type: 'com.acme.doc.submitted',
        subject: 'a',
        data: { doc: 'doc-h', author: 'ana' },
        extensions: { simulation: 'seed-1' },
      },
    ]);
    await harness.engine.settle();
    expect(await harness.engine.instances.list()).toEqual([]);
  });

  it('records an instance as failed, with the reason, when a step expression fails', async () => {
    harness = await startHarness(org);
    await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-6' });
    await harness.engine.settle();
    const [instance] = await harness.engine.instances.list();
    expect(instance).toMatchObject({ state: 'failed', step: null });
    expect(instance!.error).toMatch(
      /^Step "record" failed: Workflow\/editors-review step "record" do\[0\]\.set\.author could not be evaluated/,
    );
    const failed = await harness.store.events.query({ types: ['dev.cello.workflow.failed'], limit: 10 });
    expect(failed).toHaveLength(1);
  });
});

describe('a webhook step', () => {
  it('dead-letters a call the receiver refuses for good, and records it in the log', async () => {
    const receiver = await startReceiver();
    receiver.respond('/gone', 410);
    try {
      harness = await startHarness(
        manifests(`
apiVersion: cello/v1
kind: Template
metadata: { name: notify }
spec:
  version: 1
  start: { type: com.acme.doc.submitted }
  caseId: event.data.doc
  steps:
    - id: tell
      mode: adaptable
      do: [{ webhook: { url: '${receiver.url}/gone', body: { doc: instance.caseId } } }]
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: doc-notices }
spec:
  from: template:notify@1
  cell: cell:editors
`),
      );
      await harness.publish('com.acme.doc.submitted', 'a', { doc: 'doc-9' });
      await harness.engine.settle();
      const [dead] = await harness.store.events.query({ types: [WorkflowWebhookDeadLettered], limit: 10 });
      expect(dead).toMatchObject({
        subject: 'workflow:doc-notices',
        data: { workflow: 'doc-notices', step: 'tell', url: `${receiver.url}/gone`, attempts: 1, lastStatusCode: 410 },
      });
    } finally {
      await receiver.close();
    }
  });
});

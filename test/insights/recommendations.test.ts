/**
 * Recommendations against a real SQLite store and runtime: made from the log (a template variant that runs
 * faster elsewhere, a collaboration past its duration), refreshed, withdrawn when the evidence goes and made
 * again when it returns, accepted or dismissed by the owning cell only, with acceptance rates and events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/engine/index.js';
import { createInsights, type Insights } from '../../src/insights/index.js';
import { applyManifests } from '../../src/manifests/index.js';
import {
  celloEvent,
  type CloudEvent,
  type Manifest,
  type Principal,
  RecommendationAccepted,
  RecommendationDismissed,
  RecommendationMade,
  RecommendationUpdated,
  RecommendationWithdrawn,
  WorkflowCompleted,
  WorkflowStarted,
  WorkflowStepCompleted,
} from '../../src/model/index.js';
import { ManualClock, silentLogger, type ConflictError } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { lendingOrg } from './lending-org.js';
import { MODULE_MIGRATIONS } from '../../src/app/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const H = 3_600_000;
const DAY = 24 * H;
const NOW = Date.parse('2026-03-05T12:00:00.000Z');
const dir = mkdtempSync(path.join(tmpdir(), 'cello-recommendations-'));
const clock = new ManualClock(new Date(NOW));
let store: Store;
let insights: Insights;

const cell = (name: string): Principal => ({ kind: 'cell', cell: name, tokenId: `t-${name}` });

/** One run of a workflow: started, two steps (the second twice when reworked), completed after `hours`. */
function run(
  workflow: string,
  cellName: string,
  n: number,
  startMs: number,
  hours: number,
  rework = false,
): CloudEvent[] {
  const instance = `${workflow}-${n}`;
  const ext = { workflow, template: 'case-handling@1', instance };
  const caseId = `case-${instance}`;
  const trigger = { type: 'com.acme.case.opened', id: `opened-${instance}`, seq: 1 };
  const at = (atMs: number, step?: string) => ({
    id: `${instance}-${atMs}-${step ?? ''}`,
    source: `/cello/workflows/${workflow}`,
    subject: caseId,
    time: new Date(atMs),
    extensions: { ...ext, ...(step ? { step } : {}) },
  });
  const step = (atMs: number, name: string) =>
    celloEvent(WorkflowStepCompleted, {
      ...at(atMs, name),
      data: { instance, step: name, mode: 'adaptable', source: 'template', trigger },
    });
  const end = startMs + hours * H;
  return [
    celloEvent(WorkflowStarted, {
      ...at(startMs),
      data: { instance, workflow, cell: cellName, template: 'case-handling@1', caseId, trigger },
    }),
    step(startMs + H, 'triage'),
    ...(rework ? [step(startMs + 2 * H, 'triage')] : []),
    step(end - H, 'answer'),
    celloEvent(WorkflowCompleted, {
      ...at(end),
      data: { instance, transitions: rework ? 3 : 2, durationMs: end - startMs, vars: {} },
    }),
  ];
}

beforeAll(async () => {
  store = createSqliteStore({ dataDir: dir, clock, synchronous: 'normal' });
  await store.migrate(MODULE_MIGRATIONS);
  const collaboration = {
    apiVersion: 'cello/v1',
    kind: 'Agreement',
    metadata: { name: 'credit-coaches-intake' },
    spec: {
      provider: 'cell:credit',
      offer: 'credit-decisions',
      consumer: 'cell:intake',
      mode: 'collaboration',
      since: '2025-12-01',
      duration: '6w',
      exitCriteria: ['Intake triages alone.'],
    },
  } as Manifest;
  await applyManifests(store, [...lendingOrg(), collaboration], { clock, actor: 'test' });
  const events: CloudEvent[] = [];
  for (let n = 0; n < 8; n++) {
    events.push(...run('intake-case-handling', 'intake', n, NOW - 10 * DAY + n * DAY, 20 + (n % 3), n === 0));
    events.push(...run('credit-case-handling', 'credit', n, NOW - 10 * DAY + n * DAY + H, 8 + (n % 2), n === 1));
  }
  await store.events.append(events.map((event) => ({ event })));
  const runtime = await createRuntime({ store, logger: silentLogger, clock });
  insights = createInsights({ runtime }, { checkIntervalMs: 0 });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recommendations', () => {
  it('are made from the log, each addressed to the cell that owns the change', async () => {
    expect(await insights.recommendations.refresh()).toEqual({ made: 2, updated: 0, withdrawn: 0 });
    const list = await insights.recommendations.list();
    expect(list.map((r) => [r.id, r.kind, r.cell, r.state])).toEqual([
      ['R-1', 'collaboration-past-duration', 'credit', 'open'],
      ['R-2', 'template-variant', 'intake', 'open'],
    ]);
    const variant = list[1]!;
    expect(variant.title).toBe("cell:credit's variant of case-handling resolves cases 60% faster with equal rework");
    expect(variant.sampleSize).toBe(16);
    expect(variant.confidence).toBeGreaterThan(0.95);
    expect(list[0]!.title).toBe('Collaboration credit-coaches-intake ended on 2026-01-12: consider x-as-a-service');
    // The same findings again: nothing new.
    expect(await insights.recommendations.refresh()).toEqual({ made: 0, updated: 0, withdrawn: 0 });
  });

  it('are updated when their figures change notably', async () => {
    const faster: CloudEvent[] = [];
    for (let n = 8; n < 12; n++) faster.push(...run('credit-case-handling', 'credit', n, NOW - 5 * DAY + n * H, 2));
    await store.events.append(faster.map((event) => ({ event })));
    expect(await insights.recommendations.refresh()).toEqual({ made: 0, updated: 1, withdrawn: 0 });
    expect((await insights.recommendations.get('R-2')).title).toMatch(
      /^cell:credit's variant of case-handling resolves cases \d+% faster/,
    );
  });

  it('are withdrawn when the evidence goes, and made again when it returns', async () => {
    clock.set(new Date(NOW + 40 * DAY));
    expect(await insights.recommendations.refresh()).toEqual({ made: 0, updated: 0, withdrawn: 1 });
    expect((await insights.recommendations.get('R-2')).state).toBe('withdrawn');
    clock.set(new Date(NOW));
    expect(await insights.recommendations.refresh()).toEqual({ made: 1, updated: 0, withdrawn: 0 });
    expect(await insights.recommendations.get('R-2')).toMatchObject({ state: 'open', number: 2 });
  });

  it('are decided only by the cell they are addressed to: dismissed with a reason, or accepted', async () => {
    await expect(insights.recommendations.accept(cell('credit'), 'R-2')).rejects.toThrow(
      /Only cell:intake, to which recommendation R-2 is addressed/,
    );
    await expect(insights.recommendations.dismiss({ kind: 'admin' }, 'R-1', 'no')).rejects.toThrow(/Only cell:credit/);
    await expect(insights.recommendations.dismiss(cell('credit'), 'R-1', '  ')).rejects.toThrow(/Say why/);
    await expect(insights.recommendations.get('R-9')).rejects.toThrow(/There is no recommendation "R-9"/);

    const dismissed = await insights.recommendations.dismiss(cell('credit'), 'R-1', 'We still pair on hard cases.');
    expect(dismissed).toMatchObject({
      state: 'dismissed',
      reason: 'We still pair on hard cases.',
      decidedBy: "cell:credit's token",
    });
    const accepted = await insights.recommendations.accept(cell('intake'), 'R-2', {
      move: 'Copy credit’s triage step',
    });
    // No experiment sink in this runtime: the acceptance is recorded, no experiment started.
    expect(accepted).toMatchObject({ experiment: null, recommendation: { state: 'accepted' } });
    const again = insights.recommendations.dismiss(cell('intake'), 'R-2', 'changed my mind');
    await expect(again).rejects.toMatchObject({ code: 'conflict' } satisfies Partial<ConflictError>);

    // Decided ones stay decided whatever the log says next.
    expect(await insights.recommendations.refresh()).toEqual({ made: 0, updated: 0, withdrawn: 0 });
    expect(await insights.recommendations.stats()).toMatchObject({
      made: 2,
      accepted: 1,
      dismissed: 1,
      acceptanceRate: 0.5,
      byCell: [
        { cell: 'credit', dismissed: 1, acceptanceRate: 0 },
        { cell: 'intake', accepted: 1, acceptanceRate: 1 },
      ],
    });
  });

  it('record every change as an event addressed to the cell', async () => {
    const events = await store.events.query({ types: ['dev.cello.recommendation.*'], limit: 100 });
    expect(events.map((e) => [e.type, e.subject, e.extensions?.cell])).toEqual([
      [RecommendationMade, 'R-1', 'credit'],
      [RecommendationMade, 'R-2', 'intake'],
      [RecommendationUpdated, 'R-2', 'intake'],
      [RecommendationWithdrawn, 'R-2', 'intake'],
      [RecommendationMade, 'R-2', 'intake'],
      [RecommendationDismissed, 'R-1', 'credit'],
      [RecommendationAccepted, 'R-2', 'intake'],
    ]);
    expect(events[6]!.data).toMatchObject({ move: 'Copy credit’s triage step', experiment: null });
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(store.events, [
      RecommendationUpdated,
      RecommendationWithdrawn,
      RecommendationDismissed,
    ]);
  });
});

/**
 * Experiments a cell chooses for itself (`governance.startExperiment`): who may start one, what it checks, one
 * experiment per recommendation even when starts race, its review on the agenda decided like any experiment's,
 * and the migration that lets experiments exist without a tension, keeping the rows decided before it.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellExperimentsMigration, governanceMigration, type Experiment } from '../../src/governance/index.js';
import type { Principal } from '../../src/model/index.js';
import type { ColumnTypes } from '../../src/store/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { POSTGRES_URL, checkPostgres, describeWith } from '../support/services.js';
import { startGovernanceApp, type GovernanceApp } from './governance-app.js';
import { ExperimentConcluded, ExperimentStarted } from '../../src/model/index.js';
import { expectCataloguedEvents } from '../support/cello-event-problems.js';

const insights: Principal = { kind: 'system', component: 'insights' };
const payments = (member?: string): Principal => ({
  kind: 'cell',
  cell: 'payments',
  tokenId: 'tok-payments',
  ...(member ? { member } : {}),
});
const own = {
  cell: 'payments',
  title: 'Settlements wait for scoring',
  move: 'Settle small payments before the score arrives',
  metric: 'median settlement time',
};

describe("a cell's own experiment", () => {
  let g: GovernanceApp;
  beforeAll(async () => {
    g = await startGovernanceApp();
  });
  afterAll(async () => {
    await g?.close();
  });

  it('may be started by any token of the cell, and by Cello for it, but not by the admin or another cell', async () => {
    const started = await g.app.governance.startExperiment(payments(), {
      ...own,
      evidence: ['agreement:risk-for-payments'],
    });
    expect(started).toMatchObject({
      id: expect.stringMatching(/^E-\d+$/),
      cell: 'payments',
      startedBy: "cell:payments's token",
      reviewDate: '2026-01-19',
      state: 'running',
      evidence: [{ kind: 'agreement', ref: 'risk-for-payments' }],
    });
    expect(started.tensionId).toBeUndefined();

    const forCell = await g.app.governance.startExperiment(insights, {
      ...own,
      cell: 'cell:payments',
      startedBy: 'Cy of cell:payments',
      reviewDate: '2026-02-01',
    });
    expect(forCell).toMatchObject({ cell: 'payments', startedBy: 'Cy of cell:payments', reviewDate: '2026-02-01' });
    // A cell's token speaks for itself: a startedBy it sends is not taken.
    expect(await g.app.governance.startExperiment(payments('Cy'), { ...own, startedBy: 'Someone else' })).toMatchObject(
      { startedBy: 'Cy of cell:payments' },
    );

    await expect(g.app.governance.startExperiment({ kind: 'admin' }, own)).rejects.toThrow(
      'Only cell:payments may start an experiment of its own; the admin token may not.',
    );
    await expect(
      g.app.governance.startExperiment({ kind: 'cell', cell: 'risk', tokenId: 'tok-risk', member: 'Mei' }, own),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('Mei of cell:risk may not. A move that involves other cells is a tension'),
    });
  });

  it('refuses what it cannot record, saying what to give instead', async () => {
    await expect(g.app.governance.startExperiment(insights, { ...own, cell: 'billing' })).rejects.toThrow(
      'cell:billing is not in the applied organization (known: ops, payments, risk)',
    );
    await expect(g.app.governance.startExperiment(payments(), { ...own, reviewDate: '2026-01-01' })).rejects.toThrow(
      'reviewDate 2026-01-01 has passed; give a date from 2026-01-05 on',
    );
    await expect(g.app.governance.startExperiment(payments(), { ...own, reviewDate: 'soon' })).rejects.toThrow(
      'reviewDate "soon" is neither a date',
    );
    await expect(g.app.governance.startExperiment(payments(), { ...own, move: '  ' })).rejects.toThrow(
      'An experiment needs a move',
    );
    await expect(g.app.governance.startExperiment(payments(), { ...own, evidence: ['rumour'] })).rejects.toThrow(
      'Evidence "rumour" is not understood',
    );
  });

  it('starts one experiment per recommendation, even when starts race, with one event on the recommendation', async () => {
    const started = await Promise.all(
      [1, 2, 3].map(() => g.app.governance.startExperiment(insights, { ...own, recommendation: 'R-7' })),
    );
    expect(new Set(started.map((e) => e.id)).size).toBe(1);
    expect(await g.app.governance.experiments({ recommendation: 'R-7' })).toHaveLength(1);
    const events = await g.call('bo', 'GET', '/v1/events?type=dev.cello.experiment.started&subject=R-7');
    expect(events.body.events).toHaveLength(1);
    await expect(
      g.app.governance.startExperiment(insights, { ...own, cell: 'risk', recommendation: 'R-7' }),
    ).rejects.toThrow(
      `Recommendation R-7 already started experiment ${started[0]!.id} of cell:payments; cell:risk cannot start another from it.`,
    );
  });

  it('comes back for review on its date, decided by the right of its type; trying again is a decided experiment', async () => {
    const experiment = await g.app.governance.startExperiment(payments('Bo'), {
      ...own,
      title: 'Retry',
      move: 'Retry scoring once',
      reviewDate: '2026-01-12',
    });
    g.clock.set('2026-01-12T10:00:00.000Z');
    expect((await g.app.governance.tick()).due.experiments).toBeGreaterThanOrEqual(1);
    const { body } = await g.call('bo', 'GET', '/v1/tensions');
    const review = (body.tensions as { tension: { id: string; subject?: string; cells: string[]; type: string } }[])
      .map((t) => t.tension)
      .find((t) => t.subject === `experiment:${experiment.id}`);
    expect(review).toMatchObject({ cells: ['payments'], type: 'process' });

    // Process tensions are Finn's (ops lead); payments itself does not hold that right.
    expect(
      (
        await g.call('bo', 'POST', `/v1/tensions/${review!.id}/decisions`, {
          outcome: 'drop',
          reason: 'x',
          rationale: 'x',
        })
      ).status,
    ).toBe(403);
    const again = await g.call('finn', 'POST', `/v1/tensions/${review!.id}/decisions`, {
      outcome: 'experiment',
      move: 'Retry scoring twice',
      metric: 'median settlement time',
      rationale: 'Once was not enough.',
      result: 'Median fell by a third.',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const all = await g.app.governance.experiments();
    expect(all.find((e: Experiment) => e.id === experiment.id)).toMatchObject({
      state: 'concluded',
      result: 'Median fell by a third.',
    });
    expect(all.at(-1)).toMatchObject({ tensionId: review!.id, move: 'Retry scoring twice', state: 'running' });
    // A cell's own experiment without a recommendation is its own case in the log.
    const concluded = await g.call(
      'bo',
      'GET',
      `/v1/events?type=dev.cello.experiment.concluded&subject=${experiment.id}`,
    );
    expect(concluded.body.events[0]).toMatchObject({
      data: { experiment: experiment.id, cell: 'cell:payments', outcome: 'experiment' },
    });
  });

  it('left only Cello events the event catalogue describes, data and source included', async () => {
    await expectCataloguedEvents(g.app.store.events, [ExperimentStarted, ExperimentConcluded]);
  });
});

const sqliteColumns: ColumnTypes = {
  bigint: sql`integer`,
  key: sql`text`,
  autoIncrement: { type: sql`integer`, build: (c) => c.primaryKey().autoIncrement() },
};
const postgresColumns: ColumnTypes = {
  bigint: sql`bigint`,
  key: sql`text collate "C"`,
  autoIncrement: { type: sql`bigint`, build: (c) => c.generatedByDefaultAsIdentity().primaryKey() },
};

/** Runs the governance tables, a decided experiment, then the cell-experiments migration, and reads what is left. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function migrateAcross(db: Kysely<any>, columns: ColumnTypes) {
  await governanceMigration.up(db, columns);
  const decided = {
    id: 'E-1',
    number: 1,
    tension_id: 'T-4',
    decision_id: 'D-2',
    move: 'm',
    metric: 'k',
    review_date: '2026-02-01',
    started_at: '2026-01-05T09:00:00.000Z',
    state: 'running',
    result: null,
    concluded_at: null,
  };
  await db.insertInto('experiments').values(decided).execute();
  await cellExperimentsMigration.up(db, columns);
  const rows = await db.selectFrom('experiments').selectAll().execute();
  await db
    .insertInto('experiments')
    .values({
      ...decided,
      id: 'E-2',
      number: 2,
      tension_id: null,
      decision_id: null,
      cell: 'payments',
      recommendation: 'R-1',
    })
    .execute();
  const duplicate = db
    .insertInto('experiments')
    .values({
      ...decided,
      id: 'E-3',
      number: 3,
      tension_id: null,
      decision_id: null,
      cell: 'payments',
      recommendation: 'R-1',
    })
    .execute();
  return { rows, decided, duplicate };
}

describe('the cell-experiments migration', () => {
  it('keeps decided experiments and lets a cell own one without a tension (SQLite)', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const { rows, decided, duplicate } = await migrateAcross(db, sqliteColumns);
    expect(rows).toEqual([
      { ...decided, cell: null, title: null, started_by: null, recommendation: null, evidence: null },
    ]);
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});

describeWith(await checkPostgres(), 'the cell-experiments migration on PostgreSQL', () => {
  const schema = `cellexp_${process.pid}_${Date.now().toString(36)}`;
  let db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    db = new Kysely({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1, options: `-c search_path=${schema}` }),
      }),
    });
  });
  afterAll(async () => {
    await db?.schema.dropSchema(schema).ifExists().cascade().execute();
    await db?.destroy();
  });

  it('keeps decided experiments and lets a cell own one without a tension', async () => {
    const { rows, decided, duplicate } = await migrateAcross(db, postgresColumns);
    expect(rows).toEqual([
      { ...decided, cell: null, title: null, started_by: null, recommendation: null, evidence: null },
    ]);
    await expect(duplicate).rejects.toThrow(/duplicate key/);
  });

  it('starts one experiment per recommendation when two processes’ starts really race', async () => {
    const appSchema = `${schema}_app`;
    const g = await startGovernanceApp({
      store: (clock) => createPostgresStore({ url: POSTGRES_URL, schema: appSchema, clock, poolSize: 4 }),
    });
    try {
      const started = await Promise.all(
        [1, 2, 3, 4].map(() => g.app.governance.startExperiment(insights, { ...own, recommendation: 'R-9' })),
      );
      expect(new Set(started.map((e) => e.id))).toEqual(new Set(['E-1']));
      expect((await g.call('bo', 'GET', '/v1/events?type=dev.cello.experiment.started')).body.events).toHaveLength(1);
    } finally {
      await g.close();
      await db.schema.dropSchema(appSchema).ifExists().cascade().execute();
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { POSTGRES_URL, checkPostgres, describeWith } from '../support/services.js';
import { startGovernanceApp, type GovernanceApp } from './governance-app.js';

/** The governance projections and their unique keys on PostgreSQL, where two writers really race. */
describeWith(await checkPostgres(), 'governance on PostgreSQL', () => {
  let g: GovernanceApp;
  const schema = `gov_${process.pid}_${Date.now().toString(36)}`;
  beforeAll(async () => {
    g = await startGovernanceApp({
      store: (clock) => createPostgresStore({ url: POSTGRES_URL, schema, clock, poolSize: 4 }),
    });
  });
  afterAll(async () => {
    await g?.close();
    const cleanup = createPostgresStore({ url: POSTGRES_URL, schema: 'public', poolSize: 1 });
    await cleanup.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await cleanup.close();
  });

  it('keeps one tension per detector subject and gap-free numbers when reports race', async () => {
    const report = {
      detector: 'test',
      subject: 'subscription:x',
      title: 'x keeps failing',
      type: 'interface',
      cells: ['risk'],
    };
    const results = await Promise.all([1, 2, 3, 4].map(() => g.app.governance.raiseDetected(report)));
    expect(new Set(results.map((r) => r.tension.id)).size).toBe(1);
    const { tension } = await g.app.governance.tensions.show(results[0]!.tension.id);
    expect(tension.occurrences).toBe(4);
    const raised = await Promise.all(
      ['a', 'b', 'c'].map((t) => g.call('bo', 'POST', '/v1/tensions', { title: t, type: 'capacity', cells: ['risk'] })),
    );
    expect(raised.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(raised.map((r) => r.body.tension.id)).size).toBe(3);
  });

  it('runs a review to a new agreement version', async () => {
    const raised = await g.call('bo', 'POST', '/v1/tensions', {
      title: 'Who owns refunds?',
      type: 'boundary',
      cells: ['payments', 'risk'],
    });
    expect((await g.call('ana', 'POST', '/v1/reviews', {})).status).toBe(201);
    await g.call('ana', 'POST', '/v1/reviews/current/start');
    const item = await g.call('ana', 'POST', `/v1/reviews/current/items/${raised.body.tension.id}/decisions`, {
      outcome: 'change-agreement',
      agreement: 'risk-for-payments',
      set: { 'spec.reviewDate': '2026-07-01' },
      rationale: 'x',
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const closed = await g.call('ana', 'POST', '/v1/reviews/current/close');
    expect(closed.body).toMatchObject({ decided: 1, noDecision: false });
    const history = await g.call('bo', 'GET', '/v1/manifests/Agreement/risk-for-payments/history');
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });
});

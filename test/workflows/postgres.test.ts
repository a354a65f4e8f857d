import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';
import { manifests, startHarness, type Harness } from './harness.js';

const schema = `cello_wf_${process.pid}_${Date.now().toString(36)}`;
afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
});

const org = manifests(`
apiVersion: cello/v1
kind: Template
metadata: { name: shipment }
spec:
  version: 1
  start: { type: com.acme.order.placed }
  steps:
    - { id: pack, mode: fixed, do: [{ emit: { type: com.acme.order.packed } }] }
    - { id: ship, mode: fixed, on: { type: com.acme.order.paid }, do: [{ emit: { type: com.acme.order.shipped } }, { complete: true }] }
---
apiVersion: cello/v1
kind: Workflow
metadata: { name: warehouse-shipment }
spec: { from: template:shipment@1, cell: cell:warehouse }
`);

describeWith(await checkPostgres(), 'workflows on PostgreSQL, two servers sharing one store', () => {
  it('run every step once although both engines read the same log', async () => {
    const store = () => createPostgresStore({ url: POSTGRES_URL, schema, poolSize: 4 });
    const first: Harness = await startHarness(org, { store: store() });
    const second: Harness = await startHarness(org, { store: store(), apply: false });
    try {
      const orders = Array.from({ length: 40 }, (_, i) => `order-${i}`);
      await Promise.all(orders.map((order, i) => (i % 2 ? first : second).publish('com.acme.order.placed', order)));
      await Promise.all(orders.map((order, i) => (i % 2 ? second : first).publish('com.acme.order.paid', order)));
      await first.engine.settle();
      await second.engine.settle();
      await first.engine.settle();
      const completed = await first.engine.instances.list({ state: 'completed', limit: 1000 });
      expect(completed).toHaveLength(40);
      const shipped = await first.store.events.query({ types: ['com.acme.order.shipped'], limit: 1000 });
      expect(shipped.map((e) => e.subject).sort()).toEqual([...orders].sort());
      const steps = await first.store.events.query({ types: ['dev.cello.workflow.step.completed'], limit: 1000 });
      expect(steps).toHaveLength(80);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

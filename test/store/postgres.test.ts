import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/shared/index.js';
import { createPostgresStore } from '../../src/store/postgres/index.js';
import type { Store } from '../../src/store/index.js';
import { runStoreContract } from '../../src/store/store.contract.js';
import { checkPostgres, describeWith, POSTGRES_URL } from '../support/services.js';

// Every store gets a schema of its own, named after this run; all of them are dropped at the end.
const run = `cello_test_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
const freshSchema = () => {
  const schema = `${run}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
});

describeWith(await checkPostgres(), 'postgresql store', () => {
  runStoreContract('postgresql', async (options) =>
    createPostgresStore({ ...options, url: POSTGRES_URL, schema: freshSchema(), poolSize: 4 }),
  );

  describe('postgresql adapter', () => {
    const event = (id: string) => ({
      event: { specversion: '1.0' as const, id, source: 'https://acme.test/p', type: 'com.acme.p' },
    });

    it('numbers appends from several pools (as from several servers) gap-free, in commit order', async () => {
      const schema = freshSchema();
      const stores: Store[] = [1, 2, 3].map(() => createPostgresStore({ url: POSTGRES_URL, schema, poolSize: 3 }));
      try {
        for (const store of stores) await store.migrate();
        const work = stores.flatMap((store, s) =>
          Array.from({ length: 10 }, (_, b) => store.events.append([event(`s${s}-b${b}-1`), event(`s${s}-b${b}-2`)])),
        );
        const outcomes = (await Promise.all(work)).flat();
        expect(outcomes.map((o) => o.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        // A reader tailing by seq sees every event exactly once.
        const seen: number[] = [];
        for await (const batch of stores[0]!.events.scan({ batchSize: 7 })) seen.push(...batch.map((e) => e.seq));
        expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        expect(stores[0]!.capabilities).toEqual({ backend: 'postgresql', sharedByProcesses: true, skipLocked: true });
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('refuses a schema name that would need quoting', () => {
      expect(() => createPostgresStore({ url: POSTGRES_URL, schema: 'Robert"); drop' })).toThrow(InputError);
    });
  });
});

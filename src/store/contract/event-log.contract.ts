import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/index.js';
import type { EventColumnsQuery, Store } from '../ports.js';
import { event, ids, SOURCE, START, type ContractContext } from './fixtures.contract.js';

/** Migrations and the event log: append, idempotency, ordering, query, scan. */
export function eventLogContract(context: ContractContext): void {
  let store: Store;
  beforeEach(() => {
    store = context.store;
  });

  describe('migrations', () => {
    it('migrating again changes nothing and keeps the data', async () => {
      await store.events.append([{ event: event('a') }]);
      await store.migrate();
      await store.migrate();
      expect(await store.events.lastSeq()).toBe(1);
      expect((await store.events.get(1))?.id).toBe('a');
    });

    it('starts with an empty log', async () => {
      expect(await store.events.lastSeq()).toBe(0);
      expect(await store.events.query({ limit: 10 })).toEqual([]);
      expect(store.capabilities.backend).not.toBe('');
    });
  });

  describe('append', () => {
    it('numbers events 1, 2, 3… in append order, across batches, without gaps', async () => {
      const first = await store.events.append([{ event: event('a') }, { event: event('b') }, { event: event('c') }]);
      const second = await store.events.append([{ event: event('d') }, { event: event('e') }]);
      expect([...first, ...second]).toEqual([1, 2, 3, 4, 5].map((seq) => ({ seq, duplicate: false })));
      expect(ids(await store.events.query({ limit: 10 }))).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await store.events.lastSeq()).toBe(5);
    });

    it('gives back every attribute as it was sent, with seq and recordedAt', async () => {
      const sent = event('full', {
        subject: 'loan-7',
        time: '2026-01-05T10:00:00.123456+02:00',
        datacontenttype: 'application/json',
        dataschema: 'https://acme.test/schemas/score.json',
        data: { score: 0.91, reasons: ['late', 'new'], nested: { ok: true } },
        extensions: { traceparent: '00-abc-def-01', priority: 3, sampled: true },
      });
      const [outcome] = await store.events.append([{ event: sent, publisher: 'risk' }]);
      const expected = { ...sent, seq: outcome!.seq, recordedAt: START };
      expect(await store.events.get(outcome!.seq)).toStrictEqual(expected);
      expect(await store.events.query({ limit: 1 })).toStrictEqual([expected]);
    });

    it('keeps binary data, JSON scalars and null apart, and leaves absent attributes absent', async () => {
      await store.events.append([
        { event: event('bin', { datacontenttype: 'application/octet-stream', dataBase64: 'AAECAw==' }) },
        { event: event('text', { datacontenttype: 'text/plain', data: 'hello' }) },
        { event: event('null', { data: null }) },
        { event: event('number', { data: 42 }) },
        { event: event('bare') },
      ]);
      const [bin, text, nul, num, bare] = await store.events.query({ limit: 10 });
      expect(bin).toStrictEqual({
        ...event('bin', { datacontenttype: 'application/octet-stream', dataBase64: 'AAECAw==' }),
        seq: 1,
        recordedAt: START,
      });
      expect(text?.data).toBe('hello');
      expect(nul).toHaveProperty('data', null);
      expect(num?.data).toBe(42);
      expect(bare).toStrictEqual({ ...event('bare'), seq: 5, recordedAt: START });
    });

    it('stores a (source, id) repeated within one batch once; later copies are duplicates with its seq', async () => {
      const outcomes = await store.events.append([
        { event: event('a', { data: { v: 1 } }) },
        { event: event('b') },
        { event: event('a', { data: { v: 2 } }) },
      ]);
      expect(outcomes).toEqual([
        { seq: 1, duplicate: false },
        { seq: 2, duplicate: false },
        { seq: 1, duplicate: true },
      ]);
      const stored = await store.events.query({ limit: 10 });
      expect(ids(stored)).toEqual(['a', 'b']);
      expect(stored[0]?.data).toEqual({ v: 1 });
    });

    it('reports a (source, id) already in the log as a duplicate and numbers the new ones without a gap', async () => {
      await store.events.append([{ event: event('a') }, { event: event('b') }]);
      const outcomes = await store.events.append([{ event: event('c') }, { event: event('a') }, { event: event('d') }]);
      expect(outcomes).toEqual([
        { seq: 3, duplicate: false },
        { seq: 1, duplicate: true },
        { seq: 4, duplicate: false },
      ]);
      expect(ids(await store.events.query({ limit: 10 }))).toEqual(['a', 'b', 'c', 'd']);
    });

    it('treats the same id from another source as another event', async () => {
      const outcomes = await store.events.append([
        { event: event('a') },
        { event: { ...event('a'), source: 'https://acme.test/loans' } },
      ]);
      expect(outcomes).toEqual([
        { seq: 1, duplicate: false },
        { seq: 2, duplicate: false },
      ]);
    });

    it('acknowledges a whole retried batch as duplicates with the original seqs', async () => {
      const batch = Array.from({ length: 700 }, (_, i) => ({ event: event(`e${i}`, { subject: `loan-${i % 7}` }) }));
      const first = await store.events.append(batch);
      expect(first.map((o) => o.seq)).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
      const retried = await store.events.append(batch);
      expect(retried).toEqual(first.map((o) => ({ seq: o.seq, duplicate: true })));
      expect(await store.events.lastSeq()).toBe(700);
    });

    it('refuses a batch with a time that is not RFC 3339, storing none of it', async () => {
      const appending = store.events.append([{ event: event('ok') }, { event: event('bad', { time: 'yesterday' }) }]);
      await expect(appending).rejects.toBeInstanceOf(InputError);
      await expect(appending).rejects.toThrow(/"yesterday"/);
      expect(await store.events.lastSeq()).toBe(0);
    });

    it('gives concurrent appends distinct, gap-free positions', async () => {
      const batches = Array.from({ length: 20 }, (_, b) =>
        Array.from({ length: 5 }, (_, i) => ({ event: event(`c${b}-${i}`) })),
      );
      const outcomes = (await Promise.all(batches.map((batch) => store.events.append(batch)))).flat();
      expect(outcomes.map((o) => o.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    });

    it('records which cell published each event', async () => {
      await store.events.append([{ event: event('a'), publisher: 'risk' }, { event: event('b') }]);
      const rows = await store.db.selectFrom('events').select(['id', 'publisher']).orderBy('seq').execute();
      expect(rows).toEqual([
        { id: 'a', publisher: 'risk' },
        { id: 'b', publisher: null },
      ]);
    });
  });

  describe('query', () => {
    beforeEach(async () => {
      await store.events.append([
        { event: event('s1', { type: 'com.acme.risk.scored', subject: 'loan-1', time: '2026-01-05T08:00:00Z' }) },
        { event: event('f1', { type: 'com.acme.risk.flagged', subject: 'loan-1', time: '2026-01-05T10:00:00+02:00' }) },
        {
          event: event('o1', {
            type: 'com.acme.loans.opened',
            source: 'https://acme.test/loans',
            subject: 'loan-2',
            time: '2026-01-05T09:30:00Z',
          }),
        },
        { event: event('x1', { type: 'com.acme.riskier.thing', subject: 'loan-2', time: '2026-01-05T11:00:00Z' }) },
        { event: event('n1', { type: 'com.acme.risk.scored' }) }, // no time: filtered by recordedAt (09:00)
      ]);
    });

    it('filters by exact types, by prefixes, and by both', async () => {
      expect(ids(await store.events.query({ types: ['com.acme.risk.scored'], limit: 10 }))).toEqual(['s1', 'n1']);
      expect(ids(await store.events.query({ types: ['com.acme.risk.*'], limit: 10 }))).toEqual(['s1', 'f1', 'n1']);
      expect(ids(await store.events.query({ types: ['com.acme.risk.*', 'com.acme.loans.opened'], limit: 10 }))).toEqual(
        ['s1', 'f1', 'o1', 'n1'],
      );
      expect(ids(await store.events.query({ types: ['*'], limit: 10 }))).toHaveLength(5);
      expect(await store.events.query({ types: ['com.acme.nothing'], limit: 10 })).toEqual([]);
    });

    it('filters by source and by subject', async () => {
      expect(ids(await store.events.query({ source: 'https://acme.test/loans', limit: 10 }))).toEqual(['o1']);
      expect(ids(await store.events.query({ subject: 'loan-2', limit: 10 }))).toEqual(['o1', 'x1']);
      expect(ids(await store.events.query({ subject: 'loan-1', types: ['com.acme.risk.flagged'], limit: 10 }))).toEqual(
        ['f1'],
      );
    });

    it('filters by event time, from inclusive and to exclusive, comparing instants across offsets', async () => {
      // f1 is 10:00+02:00 = 08:00Z, the same instant as s1.
      expect(
        ids(await store.events.query({ from: '2026-01-05T08:00:00Z', to: '2026-01-05T09:00:00Z', limit: 10 })),
      ).toEqual(['s1', 'f1']);
      expect(ids(await store.events.query({ from: '2026-01-05T09:00:00Z', limit: 10 }))).toEqual(['o1', 'x1', 'n1']);
      expect(ids(await store.events.query({ to: '2026-01-05T11:00:00+00:00', limit: 10 }))).toEqual([
        's1',
        'f1',
        'o1',
        'n1',
      ]);
    });

    it('pages through results with afterSeq and limit, oldest first', async () => {
      const pages: string[][] = [];
      let afterSeq = 0;
      for (;;) {
        const page = await store.events.query({ afterSeq, limit: 2 });
        if (page.length === 0) break;
        pages.push(ids(page));
        afterSeq = page[page.length - 1]!.seq;
      }
      expect(pages).toEqual([['s1', 'f1'], ['o1', 'x1'], ['n1']]);
      expect(ids(await store.events.query({ types: ['com.acme.risk.*'], afterSeq: 1, limit: 1 }))).toEqual(['f1']);
    });

    it('says which bound or limit is wrong', async () => {
      await expect(store.events.query({ from: 'soon', limit: 10 })).rejects.toThrow(/from "soon"/);
      await expect(store.events.query({ limit: 0 })).rejects.toBeInstanceOf(InputError);
      expect(await store.events.get(999)).toBeUndefined();
    });
  });

  describe('scan', () => {
    beforeEach(async () => {
      const batch = Array.from({ length: 25 }, (_, i) => ({
        event: event(`e${i}`, { type: i % 5 === 0 ? 'com.acme.risk.flagged' : 'com.acme.risk.scored' }),
      }));
      await store.events.append(batch);
    });

    it('reads the whole log in bounded batches, oldest first', async () => {
      const batches: number[][] = [];
      for await (const batch of store.events.scan({ batchSize: 10 })) batches.push(batch.map((e) => e.seq));
      expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
      expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('starts after a position and filters by type', async () => {
      const seen: number[] = [];
      for await (const batch of store.events.scan({ afterSeq: 5, batchSize: 2, types: ['com.acme.risk.flagged'] }))
        seen.push(...batch.map((e) => e.seq));
      expect(seen).toEqual([6, 11, 16, 21]);
    });

    it('yields no empty batch when the log ends on a batch boundary', async () => {
      const sizes: number[] = [];
      for await (const batch of store.events.scan({ afterSeq: 5, batchSize: 10 })) sizes.push(batch.length);
      expect(sizes).toEqual([10, 10]);
    });
  });

  describe('scanColumns', () => {
    beforeEach(async () => {
      await store.events.append([
        { event: event('a', { subject: 'loan-1', time: '2026-01-05T08:00:00Z', data: { n: 1 } }), publisher: 'risk' },
        { event: event('b', { type: 'com.acme.risk.flagged', extensions: { caseid: 'c-9' }, data: { n: 2 } }) },
        {
          event: event('c', {
            type: 'com.acme.loans.opened',
            subject: 'loan-2',
            time: '2026-01-05T10:00:00Z',
            extensions: { caseid: 'c-1' },
          }),
        },
      ]);
    });

    it('reads the narrow columns of every event in log order, in bounded batches, as tuples', async () => {
      const batches = [];
      for await (const batch of store.events.scanColumns({ batchSize: 2 })) batches.push(batch);
      expect(batches.map((b) => b.length)).toEqual([2, 1]);
      expect(batches.flat()).toEqual([
        [1, 'com.acme.risk.scored', 'loan-1', Date.parse('2026-01-05T08:00:00Z'), 'risk'],
        [2, 'com.acme.risk.flagged', null, Date.parse(START), null],
        [3, 'com.acme.loans.opened', 'loan-2', Date.parse('2026-01-05T10:00:00Z'), null],
      ]);
    });

    it('filters by type and time, and adds extensions and whole events only where asked', async () => {
      const flagged = [];
      const query: EventColumnsQuery = {
        types: ['com.acme.risk.*'],
        fromMs: Date.parse('2026-01-05T08:30:00Z'),
        extensions: 'without-subject',
        whole: ['com.acme.risk.flagged'],
      };
      for await (const batch of store.events.scanColumns(query)) flagged.push(...batch);
      expect(flagged).toEqual([
        [
          2,
          'com.acme.risk.flagged',
          null,
          Date.parse(START),
          null,
          JSON.stringify({ caseid: 'c-9' }),
          'b',
          SOURCE,
          null,
          JSON.stringify({ n: 2 }),
        ],
      ]);
      const early = [];
      for await (const batch of store.events.scanColumns({
        extensions: 'without-subject',
        toMs: Date.parse('2026-01-05T09:30:00Z'),
      }))
        early.push(...batch);
      expect(early).toEqual([
        [1, 'com.acme.risk.scored', 'loan-1', Date.parse('2026-01-05T08:00:00Z'), 'risk', null],
        [2, 'com.acme.risk.flagged', null, Date.parse(START), null, JSON.stringify({ caseid: 'c-9' })],
      ]);
    });

    it('leaves the publisher out when asked to', async () => {
      const rows = [];
      for await (const batch of store.events.scanColumns({ publisher: false })) rows.push(...batch);
      expect(rows).toEqual([
        [1, 'com.acme.risk.scored', 'loan-1', Date.parse('2026-01-05T08:00:00Z')],
        [2, 'com.acme.risk.flagged', null, Date.parse(START)],
        [3, 'com.acme.loans.opened', 'loan-2', Date.parse('2026-01-05T10:00:00Z')],
      ]);
      const withExtensions = [];
      for await (const batch of store.events.scanColumns({ publisher: false, extensions: 'all', afterSeq: 2 }))
        withExtensions.push(...batch);
      expect(withExtensions).toEqual([
        [
          3,
          'com.acme.loans.opened',
          'loan-2',
          Date.parse('2026-01-05T10:00:00Z'),
          null,
          JSON.stringify({ caseid: 'c-1' }),
        ],
      ]);
    });
  });
}

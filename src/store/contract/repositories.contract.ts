import { beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../model/index.js';
import { ConflictError, NotFoundError, type ManualClock } from '../../shared/index.js';
import { nextNumber } from '../kit/next-number.js';
import { isUniqueKeyConflict } from '../kit/unique-conflict.js';
import type { Store } from '../ports.js';
import {
  contractWidgets,
  domain,
  event,
  START,
  type ContractContext,
  type ContractWidgetsTable,
} from './fixtures.contract.js';

/** Transactions, manifests, tokens and the tables other modules write. */
export function repositoriesContract(context: ContractContext): void {
  let store: Store;
  let clock: ManualClock;
  beforeEach(() => {
    ({ store, clock } = context);
  });

  describe('transactions', () => {
    it('commits everything written through the transaction together', async () => {
      const result = await store.transaction(async (tx) => {
        const [outcome] = await tx.events.append([{ event: event('a') }]);
        await tx.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1');
        expect((await tx.events.get(outcome!.seq))?.id).toBe('a');
        return outcome!.seq;
      });
      expect(result).toBe(1);
      expect((await store.events.get(1))?.id).toBe('a');
      expect((await store.manifests.get('Domain', 'lending'))?.version).toBe(1);
    });

    it('leaves nothing behind when the work throws, and the next event takes the same position', async () => {
      const failing = store.transaction(async (tx) => {
        await tx.events.append([{ event: event('a') }, { event: event('b') }]);
        await tx.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1');
        await tx.tokens.create({ id: 't1', hash: 'hash-1', admin: true });
        throw new Error('the work failed');
      });
      await expect(failing).rejects.toThrow('the work failed');
      expect(await store.events.lastSeq()).toBe(0);
      expect(await store.manifests.history('Domain', 'lending')).toEqual([]);
      expect(await store.tokens.list()).toEqual([]);
      expect(await store.events.append([{ event: event('c') }])).toEqual([{ seq: 1, duplicate: false }]);
    });

    it('makes a second appender wait for the first transaction, so positions follow commit order', async () => {
      let appended!: () => void;
      let finish!: () => void;
      const firstAppended = new Promise<void>((resolve) => (appended = resolve));
      const mayCommit = new Promise<void>((resolve) => (finish = resolve));
      const first = store.transaction(async (tx) => {
        const outcomes = await tx.events.append([{ event: event('first') }]);
        appended();
        await mayCommit;
        return outcomes;
      });
      await firstAppended;
      const second = store.events.append([{ event: event('second') }]);
      finish();
      expect(await first).toEqual([{ seq: 1, duplicate: false }]);
      expect(await second).toEqual([{ seq: 2, duplicate: false }]);
    });
  });

  describe('manifests', () => {
    it('numbers versions 1, 2, 3… and keeps every one in history', async () => {
      expect(await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1')).toBe(1);
      clock.advance(60_000);
      expect(await store.manifests.put('Domain', 'lending', domain('lending', 'Loans and leases'), 'h2')).toBe(2);
      expect(await store.manifests.put('Domain', 'lending', domain('lending', 'Loans, leases, cards'), 'h3')).toBe(3);
      const history = await store.manifests.history('Domain', 'lending');
      expect(history.map((v) => [v.version, v.hash, v.removed])).toEqual([
        [1, 'h1', false],
        [2, 'h2', false],
        [3, 'h3', false],
      ]);
      expect(history[0]).toEqual({
        kind: 'Domain',
        name: 'lending',
        version: 1,
        manifest: domain('lending', 'Loans'),
        hash: 'h1',
        appliedAt: START,
        removed: false,
      });
      expect(history[1]?.appliedAt).toBe('2026-01-05T09:01:00.000Z');
      expect((await store.manifests.get('Domain', 'lending'))?.manifest).toEqual(
        domain('lending', 'Loans, leases, cards'),
      );
    });

    it('writes no new version when the content hash is unchanged', async () => {
      await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1');
      expect(await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1')).toBe(1);
      expect(await store.manifests.history('Domain', 'lending')).toHaveLength(1);
    });

    it('lists the current manifests, optionally of one kind, sorted by kind and name', async () => {
      const cell: Manifest = {
        apiVersion: 'cello/v1',
        kind: 'Cell',
        metadata: { name: 'risk' },
        spec: { type: 'stream-aligned', purpose: 'Score risk', members: [{ name: 'Ada', roles: ['lead'] }] },
      };
      await store.manifests.put('Domain', 'payments', domain('payments', 'Payments'), 'p1');
      await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'l1');
      await store.manifests.put('Cell', 'risk', cell, 'r1');
      await store.manifests.put('Domain', 'lending', domain('lending', 'Loans v2'), 'l2');
      expect((await store.manifests.current()).map((v) => `${v.kind}:${v.name}@${v.version}`)).toEqual([
        'Cell:risk@1',
        'Domain:lending@2',
        'Domain:payments@1',
      ]);
      expect((await store.manifests.current('Domain')).map((v) => v.name)).toEqual(['lending', 'payments']);
    });

    it('records a removal as a version; re-adding continues the numbering', async () => {
      await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1');
      expect(await store.manifests.put('Domain', 'lending', null, 'removed')).toBe(2);
      expect(await store.manifests.get('Domain', 'lending')).toBeUndefined();
      expect(await store.manifests.current('Domain')).toEqual([]);
      const removal = (await store.manifests.history('Domain', 'lending'))[1];
      expect(removal).toMatchObject({ version: 2, removed: true, manifest: domain('lending', 'Loans') });
      expect(await store.manifests.put('Domain', 'lending', domain('lending', 'Loans again'), 'h1')).toBe(3);
      expect((await store.manifests.get('Domain', 'lending'))?.version).toBe(3);
    });

    it('refuses to remove what is not there', async () => {
      await expect(store.manifests.put('Domain', 'ghost', null, 'x')).rejects.toBeInstanceOf(NotFoundError);
      await store.manifests.put('Domain', 'lending', domain('lending', 'Loans'), 'h1');
      await store.manifests.put('Domain', 'lending', null, 'removed');
      await expect(store.manifests.put('Domain', 'lending', null, 'removed')).rejects.toThrow(
        /no current Domain "lending"/,
      );
    });
  });

  describe('tokens', () => {
    it('creates, finds by hash, lists and revokes tokens', async () => {
      const created = await store.tokens.create({ id: 't1', hash: 'hash-1', cell: 'risk', admin: false, label: 'ci' });
      expect(created).toEqual({ id: 't1', cell: 'risk', admin: false, label: 'ci', createdAt: START });
      await store.tokens.create({ id: 't2', hash: 'hash-2', admin: true });
      expect(
        await store.tokens.create({ id: 't3', hash: 'hash-3', cell: 'risk', member: 'Ada', admin: false }),
      ).toMatchObject({ cell: 'risk', member: 'Ada' });
      expect((await store.tokens.findByHash('hash-3'))?.member).toBe('Ada');
      expect(await store.tokens.findByHash('hash-1')).toEqual(created);
      expect(await store.tokens.findByHash('nope')).toBeUndefined();
      expect((await store.tokens.list()).map((t) => [t.id, t.admin])).toEqual([
        ['t1', false],
        ['t2', true],
        ['t3', false],
      ]);
      clock.advance(1_000);
      await store.tokens.revoke('t1');
      clock.advance(1_000);
      await store.tokens.revoke('t1');
      expect((await store.tokens.findByHash('hash-1'))?.revokedAt).toBe('2026-01-05T09:00:01.000Z');
    });

    it('refuses a second token with the same secret and says so for unknown ids', async () => {
      await store.tokens.create({ id: 't1', hash: 'hash-1', admin: false, cell: 'risk' });
      await expect(
        store.tokens.create({ id: 't2', hash: 'hash-1', admin: false, cell: 'loans' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(store.tokens.revoke('t9')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('module tables', () => {
    const widgets = (s: Pick<Store, 'db'>) => s.db.withTables<{ contract_widgets: ContractWidgetsTable }>();
    beforeEach(async () => {
      await store.migrate([contractWidgets]);
      await store.events.append([{ event: event('a') }]);
    });

    it('numbers rows one more than the largest so far, from 1', async () => {
      expect(await nextNumber(widgets(store), 'contract_widgets')).toBe(1);
      await widgets(store).insertInto('contract_widgets').values({ id: 'W-7', number: 7, event_seq: 1 }).execute();
      expect(await nextNumber(widgets(store), 'contract_widgets')).toBe(8);
    });

    it('fails a transaction that takes a unique key already taken with a unique-key ConflictError, and keeps nothing of it', async () => {
      await widgets(store).insertInto('contract_widgets').values({ id: 'W-1', number: 1, event_seq: 1 }).execute();
      const racing = store.transaction(async (tx) => {
        await tx.events.append([{ event: event('b') }]);
        await widgets(tx).insertInto('contract_widgets').values({ id: 'W-2', number: 1, event_seq: 1 }).execute();
      });
      await expect(racing).rejects.toBeInstanceOf(ConflictError);
      await expect(racing.catch((error: unknown) => isUniqueKeyConflict(error))).resolves.toBe(true);
      expect(await store.events.lastSeq()).toBe(1);
    });

    it('enforces a reference to the log, and a failure that is not about a unique key stays what it is', async () => {
      const dangling = store.transaction((tx) =>
        widgets(tx).insertInto('contract_widgets').values({ id: 'W-9', number: 9, event_seq: 99 }).execute(),
      );
      await expect(dangling).rejects.toThrow();
      await expect(dangling.catch((error: unknown) => isUniqueKeyConflict(error))).resolves.toBe(false);
    });
  });
}

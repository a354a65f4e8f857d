import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('group commit', () => {
  it('lets concurrent submissions share one flush and returns each its own results', async () => {
    const flushes: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      flushes.push(items);
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([commit.submit([1, 2]), commit.submit([3]), commit.submit([4, 5, 6])]);
    expect(results).toEqual([[10, 20], [30], [40, 50, 60]]);
    expect(flushes).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('never splits a submission and respects the batch limit between submissions', async () => {
    const flushes: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => (flushes.push(items), items), 3);
    await Promise.all([commit.submit([1, 2]), commit.submit([3, 4]), commit.submit([5])]);
    expect(flushes).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('rejects every submission of a failed flush and keeps serving later ones', async () => {
    let fail = true;
    const commit = new GroupCommit<number, number>(async (items) => {
      if (fail) throw new Error('disk full');
      return items;
    });
    await expect(commit.submit([1])).rejects.toThrow('disk full');
    fail = false;
    await expect(commit.submit([2])).resolves.toEqual([2]);
  });

  it('fails only the submission that cannot be written, not the others that shared its flush', async () => {
    const commit = new GroupCommit<string, string>(async (items) => {
      const poison = items.find((item) => item.startsWith('poison'));
      if (poison) throw new Error(`cannot write ${poison}`);
      return items;
    });
    const outcomes = await Promise.allSettled([
      commit.submit(['finance-1']),
      commit.submit(['poison-1']),
      commit.submit(['finance-2', 'finance-3']),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: ['finance-1'] },
      { status: 'rejected', reason: new Error('cannot write poison-1') },
      { status: 'fulfilled', value: ['finance-2', 'finance-3'] },
    ]);
  });
});

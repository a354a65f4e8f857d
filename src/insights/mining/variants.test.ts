import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.js';
import { mineLog } from './mine-log.js';

describe('variants', () => {
  it('keeps apart sequences whose hashes collide', () => {
    const builder = new EventLogBuilder();
    let t = 0;
    // A first case names a0…a63 in order, so activity a<i> has index i in the log.
    for (let i = 0; i < 64; i++) builder.add('setup', `a${i}`, t++);
    // These two index sequences have the same 30-bit FNV-1a hash.
    const x = [2, 51, 60, 11];
    const y = [30, 32, 40, 0];
    const cases: [string, number[]][] = [
      ['x1', x],
      ['y1', y],
      ['y2', y],
      ['x2', x],
      ['y3', y],
    ];
    for (const [id, sequence] of cases) for (const a of sequence) builder.add(id, `a${a}`, t++);
    const variants = mineLog(builder.build()).variants;
    expect(variants.map((v) => [v.activities.join(' '), v.count])).toEqual([
      ['a30 a32 a40 a0', 3],
      ['a2 a51 a60 a11', 2],
      [Array.from({ length: 64 }, (_, i) => `a${i}`).join(' '), 1],
    ]);
  });

  it('groups many cases as comparing their sequences would', () => {
    const builder = new EventLogBuilder();
    const expected = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let c = 0; c < 3000; c++) {
      const length = 1 + Math.floor(next() * 4);
      const sequence = Array.from({ length }, () => `step ${Math.floor(next() * 3)}`);
      sequence.forEach((activity, i) => builder.add(`case ${c}`, activity, c * 10 + i));
      const key = sequence.join(' > ');
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const variants = mineLog(builder.build()).variants;
    expect(new Map(variants.map((v) => [v.activities.join(' > '), v.count]))).toEqual(expected);
    expect(variants.reduce((sum, v) => sum + v.count, 0)).toBe(3000);
  });
});

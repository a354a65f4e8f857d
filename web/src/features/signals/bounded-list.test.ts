import { describe, expect, it } from 'vitest';
import { prependBounded } from './bounded-list.js';
import { parseStreamEvent } from './stream-event.js';

describe('prependBounded', () => {
  it('keeps the newest first and never more than the cap', () => {
    let list: number[] = [];
    list = prependBounded(list, [1, 2, 3], 4);
    expect(list).toEqual([3, 2, 1]);
    list = prependBounded(list, [4, 5], 4);
    expect(list).toEqual([5, 4, 3, 2]);
  });

  it('keeps only the newest of a burst larger than the cap', () => {
    expect(
      prependBounded(
        [0],
        Array.from({ length: 1_000 }, (_, i) => i + 1),
        3,
      ),
    ).toEqual([1000, 999, 998]);
  });
});

describe('parseStreamEvent', () => {
  it('reads an event and ignores anything else', () => {
    expect(parseStreamEvent('{"seq":7,"id":"a","type":"x.y","source":"s"}')).toMatchObject({ seq: 7, type: 'x.y' });
    expect(parseStreamEvent('not json')).toBeUndefined();
    expect(parseStreamEvent('{"hello":1}')).toBeUndefined();
  });
});

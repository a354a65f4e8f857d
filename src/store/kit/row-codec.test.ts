import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { chunk } from './chunk.js';
import { column, rowCodec } from './row-codec.js';
import { StoredRowError } from './stored-row-error.js';

const widgets = rowCodec('widgets', 'id', {
  id: column.text('id'),
  number: column.integer('number'),
  note: column.optionalText('note'),
  state: column.oneOf('state', ['open', 'closed'] as const),
  tags: column.json('tags', Type.Array(Type.String())),
  extra: column.optionalJson('extra', Type.Object({ size: Type.Number() })),
  pinned: column.flag('is_pinned'),
});

const row = { id: 'W-1', number: 1, note: null, state: 'open', tags: '["a"]', extra: null, is_pinned: 0 };

describe('rowCodec', () => {
  it('reads a row into the model, leaving optional fields absent rather than null', () => {
    const widget = widgets.read(row);
    expect(widget).toStrictEqual({ id: 'W-1', number: 1, state: 'open', tags: ['a'], pinned: false });
  });

  it('writes the model back into the same row, and a patch into only the columns it names', () => {
    expect(widgets.write(widgets.read(row))).toEqual(row);
    expect(widgets.writePatch({ note: 'hello', extra: { size: 2 }, pinned: true })).toEqual({
      note: 'hello',
      extra: '{"size":2}',
      is_pinned: 1,
    });
    expect(widgets.writePatch({ note: null })).toEqual({ note: null });
  });

  it('refuses a stored value of the wrong shape, naming table, column, key and what was expected', () => {
    expect(() => widgets.read({ ...row, tags: '[1]' })).toThrow(StoredRowError);
    expect(() => widgets.read({ ...row, tags: '[1]' })).toThrow(
      /widgets\.tags of W-1 does not have the stored shape: \/0/,
    );
    expect(() => widgets.read({ ...row, tags: '{oops' })).toThrow(/widgets\.tags of W-1 is not JSON/);
    expect(() => widgets.read({ ...row, state: 'lost' })).toThrow(
      /widgets\.state of W-1 is "lost", which is not one of open, closed/,
    );
    expect(() => widgets.read({ ...row, number: 1.5 })).toThrow(/widgets\.number of W-1 is 1\.5, not a whole number/);
  });

  it('reads whole numbers PostgreSQL hands over as text', () => {
    expect(widgets.read({ ...row, number: '42' as unknown as number }).number).toBe(42);
  });
});

describe('chunk', () => {
  it('splits a list into parts of at most the given size, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

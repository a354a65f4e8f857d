import type { AttributeColumn } from './columnar-event-log.js';
import { StringInterner } from './string-interner.js';

interface Growing {
  key: string;
  type: string;
  values: StringInterner;
  codes: Int32Array;
}

/**
 * Collects data attributes beside the builder's columns: each key gets its own interned values and an
 * `Int32Array` of codes (per event in input order, or per case), made at the key's first value and filled
 * with "none" (`-1`) for what came before.
 */
export class AttributeCollector {
  private readonly events = new Map<string, Growing>();
  private readonly cases = new Map<string, Growing>();

  /** Gives event `index` (input order) the value `value` for `key`; `capacity` is the builder's column length. */
  setEvent(index: number, key: string, type: string, value: string, capacity: number): void {
    const column = this.column(this.events, key, type, capacity);
    column.codes[index] = column.values.intern(value);
  }

  /** Gives case `index` the value `value` for `key`, unless it already has one: a merged trace keeps the first. */
  setCase(index: number, key: string, type: string, value: string): void {
    const column = this.column(this.cases, key, type, Math.max(64, 2 * (index + 1)));
    if (column.codes.length <= index) column.codes = widen(column.codes, 2 * (index + 1));
    if (column.codes[index] === -1) column.codes[index] = column.values.intern(value);
  }

  /** Widens every event column to the builder's new capacity. */
  grow(capacity: number): void {
    for (const column of this.events.values()) column.codes = widen(column.codes, capacity);
  }

  /** The columns in the log's order: event codes follow `position` (sorted index → input index). */
  build(position: Uint32Array, caseCount: number): AttributeColumn[] {
    const columns: AttributeColumn[] = [];
    for (const column of this.cases.values()) {
      const codes = new Int32Array(caseCount).fill(-1);
      codes.set(column.codes.subarray(0, Math.min(caseCount, column.codes.length)));
      columns.push({ key: column.key, scope: 'trace', type: column.type, values: column.values.values, codes });
    }
    for (const column of this.events.values()) {
      const codes = new Int32Array(position.length);
      for (let k = 0; k < position.length; k++) codes[k] = column.codes[position[k]!]!;
      columns.push({ key: column.key, scope: 'event', type: column.type, values: column.values.values, codes });
    }
    return columns;
  }

  private column(columns: Map<string, Growing>, key: string, type: string, capacity: number): Growing {
    let column = columns.get(key);
    if (!column) {
      column = { key, type, values: new StringInterner(), codes: new Int32Array(capacity).fill(-1) };
      columns.set(key, column);
    }
    return column;
  }
}

function widen(codes: Int32Array, capacity: number): Int32Array {
  const wider = new Int32Array(capacity).fill(-1);
  wider.set(codes);
  return wider;
}

import { canonicalJson } from './plan.js';

type Segment = string | number;

/** A field both sides changed, differently: the merge took one side, and says which. */
export interface FieldConflict {
  /** Where, with list items at their index in ours (or in theirs when ours lacks them). */
  path: Segment[];
  /** Absent when the field did not exist on that side. */
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
  took: 'ours' | 'theirs';
}

export interface FieldMergeOptions {
  /** Which side a conflict keeps; ours unless told otherwise (people's edits win over a regenerated source). */
  resolve?(conflict: Omit<FieldConflict, 'took'>): 'ours' | 'theirs';
}

export interface FieldMergeResult {
  /** The merged value; `undefined` when the merge removed it. */
  value: unknown;
  conflicts: FieldConflict[];
}

/**
 * Three-way merge of two edits of one JSON value, field by field: base = the common ancestor, ours and theirs =
 * the two edits. A change on one side wins; the same change on both sides is taken once; different changes to
 * one field conflict, and the conflict is returned (never dropped) with the side it kept. Objects merge key by
 * key; lists merge item by item when every item has an identity (a scalar is its own identity, an object is
 * identified by its `id`, else its `name`), so one side adding an item and the other editing another both stay;
 * other lists are one field. An `undefined` side means the value is absent there.
 */
export function mergeFields(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  options: FieldMergeOptions = {},
): FieldMergeResult {
  const conflicts: FieldConflict[] = [];
  const value = merge(base, ours, theirs, [], {
    conflict(path, b, o, t) {
      const sides = { path, ...present('base', b), ...present('ours', o), ...present('theirs', t) };
      const took = options.resolve?.(sides) ?? 'ours';
      conflicts.push({ ...sides, took });
      return took === 'ours' ? o : t;
    },
  });
  return { value, conflicts };
}

interface Merger {
  conflict(path: Segment[], base: unknown, ours: unknown, theirs: unknown): unknown;
}

function merge(base: unknown, ours: unknown, theirs: unknown, path: Segment[], merger: Merger): unknown {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base)))
    return mergeObjects(base ?? {}, ours, theirs, path, merger);
  if (Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
    const merged = mergeLists(base ?? [], ours, theirs, path, merger);
    if (merged) return merged;
  }
  return merger.conflict(path, base, ours, theirs);
}

function mergeObjects(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: Segment[],
  merger: Merger,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Ours' key order first: the file people edit keeps its shape; keys only theirs has follow.
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])) {
    const value = merge(base[key], ours[key], theirs[key], [...path, key], merger);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Item-by-item merge, or `undefined` when some item has no identity (or two share one). */
function mergeLists(
  base: unknown[],
  ours: unknown[],
  theirs: unknown[],
  path: Segment[],
  merger: Merger,
): unknown[] | undefined {
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  if (!b || !o || !t) return undefined;
  const merged = new Map<string, unknown>();
  for (const key of new Set([...o.keys(), ...t.keys(), ...b.keys()])) {
    const at = o.has(key) ? [...o.keys()].indexOf(key) : [...t.keys()].indexOf(key);
    const value = merge(b.get(key), o.get(key), t.get(key), [...path, at], merger);
    if (value !== undefined) merged.set(key, value);
  }
  return order([...b.keys()], [...o.keys()], [...t.keys()], merged);
}

/**
 * Theirs' order when ours kept the base order of the items both have, else ours' order; the items only the other
 * side has go right after the item they follow there.
 */
function order(base: string[], ours: string[], theirs: string[], merged: ReadonlyMap<string, unknown>): unknown[] {
  const shared = (a: string[], b: string[]) => a.filter((k) => b.includes(k));
  const oursReordered = shared(ours, base).join('\n') !== shared(base, ours).join('\n');
  const [primary, secondary] = oursReordered ? [ours, theirs] : [theirs, ours];
  const keys = primary.filter((k) => merged.has(k));
  secondary.forEach((key, i) => {
    if (keys.includes(key) || !merged.has(key)) return;
    const previous = secondary
      .slice(0, i)
      .reverse()
      .find((k) => keys.includes(k));
    keys.splice(previous === undefined ? 0 : keys.indexOf(previous) + 1, 0, key);
  });
  // Items neither side's order placed (both removed them, yet the merge kept one in a conflict) go last.
  for (const key of merged.keys()) if (!keys.includes(key)) keys.push(key);
  return keys.map((k) => merged.get(k));
}

/** The list's items by identity, or `undefined` when one has none or two share one. */
function keyed(list: unknown[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const item of list) {
    const key = identity(item);
    if (key === undefined || out.has(key)) return undefined;
    out.set(key, item);
  }
  return out;
}

function identity(item: unknown): string | undefined {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
    return `${typeof item}:${String(item)}`;
  if (!isObject(item)) return undefined;
  if (typeof item.id === 'string') return `{id}:${item.id}`;
  if (typeof item.name === 'string') return `{name}:${item.name}`;
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function present<K extends string>(key: K, value: unknown): Partial<Record<K, unknown>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, unknown>);
}

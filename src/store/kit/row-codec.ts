import type { Static, TSchema } from '@sinclair/typebox';
import { enumColumn } from './enum-column.js';
import { jsonColumn } from './json-column.js';
import { StoredRowError } from './stored-row-error.js';

/** One field of a model stored in one column: the column's name, and how a value goes in and comes out. */
export interface Field<Model, Db, Column extends string = string> {
  readonly column: Column;
  write(value: Model): Db;
  /** Checks and converts a stored value; `where` names the column and row for the error. */
  read(value: unknown, where: string): Model;
}

// `any` is what lets fields of every model and column type share one constraint (write is contravariant).
type AnyField = Field<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Fields = Record<string, AnyField>;
type ModelType<F> = F extends Field<infer M, unknown> ? M : never;
type DbType<F> = F extends { write(value: never): infer D } ? D : never;
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends ModelType<F[K]> ? K : never }[keyof F];

/** The model a codec reads: fields that may be undefined are optional, as model types write them. */
export type ModelOf<F extends Fields> = { [K in Exclude<keyof F, OptionalKeys<F>>]: ModelType<F[K]> } & {
  [K in OptionalKeys<F>]?: Exclude<ModelType<F[K]>, undefined>;
};

/** The row a codec writes, keyed by column: what the table's Kysely type is derived from. */
export type RowOf<F extends Fields> = { [K in keyof F as F[K]['column']]: DbType<F[K]> };

/** A change to some fields; `null` clears an optional one. */
export type PatchOf<F extends Fields> = {
  [K in keyof F]?: ModelType<F[K]> | (undefined extends ModelType<F[K]> ? null : never);
};

/** Reads rows into models and writes models (or changes to some fields) into rows, from one list of fields. */
export interface RowCodec<F extends Fields> {
  /** Reads the codec's columns of a row (a typed row, or one straight from a raw query); other columns are ignored. */
  read(row: Readonly<Record<string, unknown>>): ModelOf<F>;
  write(model: ModelOf<F>): RowOf<F>;
  writePatch(patch: PatchOf<F>): Partial<RowOf<F>>;
}

/**
 * A codec from one description of a table's fields: reads check every value (a corrupt row fails with a
 * {@link StoredRowError} naming table, column and key), optional fields absent from the model are NULL in the row.
 */
export function rowCodec<F extends Fields>(table: string, key: keyof RowOf<F> & string, fields: F): RowCodec<F> {
  const entries = Object.entries(fields);
  const where = (row: Readonly<Record<string, unknown>>, column: string) => `${table}.${column} of ${String(row[key])}`;
  return {
    read(row) {
      const model: Record<string, unknown> = {};
      for (const [name, field] of entries) {
        const value: unknown = field.read(row[field.column], where(row, field.column));
        if (value !== undefined) model[name] = value;
      }
      // Every field was read through its checked codec just above; TypeScript cannot follow the loop.
      return model as ModelOf<F>;
    },
    write(model) {
      const values: Record<string, unknown> = model;
      const row: Record<string, unknown> = {};
      for (const [name, field] of entries) row[field.column] = field.write(values[name]);
      return row as RowOf<F>; // written field by field through the codecs, as above
    },
    writePatch(patch) {
      const values: Record<string, unknown> = patch;
      const row: Record<string, unknown> = {};
      for (const [name, field] of entries)
        if (name in values) row[field.column] = field.write(values[name] ?? undefined);
      return row as Partial<RowOf<F>>; // as above, for the fields the patch names
    },
  };
}

const stored = (where: string, value: unknown, expected: string) =>
  new StoredRowError(where, `is ${JSON.stringify(value)}, not ${expected}`);

function readText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  throw stored(where, value, 'text');
}

function readNumber(value: unknown, where: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  throw stored(where, value, 'a number');
}

function readInteger(value: unknown, where: string): number {
  // PostgreSQL may hand 64-bit counts over as strings; both backends store whole numbers.
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
  throw stored(where, value, 'a whole number');
}

/** Field builders for {@link rowCodec}; each takes the column's name. */
export const column = {
  text: <C extends string>(name: C): Field<string, string, C> => ({ column: name, write: (v) => v, read: readText }),
  optionalText: <C extends string>(name: C): Field<string | undefined, string | null, C> => ({
    column: name,
    write: (v) => v ?? null,
    read: (v, where) => (v === null || v === undefined ? undefined : readText(v, where)),
  }),
  integer: <C extends string>(name: C): Field<number, number, C> => ({
    column: name,
    write: (v) => v,
    read: readInteger,
  }),
  /** A floating-point number (`real`). */
  number: <C extends string>(name: C): Field<number, number, C> => ({
    column: name,
    write: (v) => v,
    read: readNumber,
  }),
  /** A boolean stored as 0/1 (SQLite has no boolean). */
  flag: <C extends string>(name: C): Field<boolean, number, C> => ({
    column: name,
    write: (v) => (v ? 1 : 0),
    read: (v, where) => readInteger(v, where) === 1,
  }),
  oneOf: <C extends string, T extends string>(name: C, values: readonly T[]): Field<T, string, C> => {
    const check = enumColumn(values);
    return { column: name, write: (v) => v, read: (v, where) => check(readText(v, where), where) };
  },
  json: <C extends string, S extends TSchema>(name: C, schema: S): Field<Static<S>, string, C> => {
    const codec = jsonColumn(schema);
    return { column: name, write: (v) => codec.write(v), read: (v, where) => codec.read(readText(v, where), where) };
  },
  optionalJson: <C extends string, S extends TSchema>(
    name: C,
    schema: S,
  ): Field<Static<S> | undefined, string | null, C> => {
    const codec = jsonColumn(schema);
    return {
      column: name,
      write: (v) => (v === undefined ? null : codec.write(v)),
      read: (v, where) => (v === null || v === undefined ? undefined : codec.read(readText(v, where), where)),
    };
  },
};

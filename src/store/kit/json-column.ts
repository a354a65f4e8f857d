import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { StoredRowError } from './stored-row-error.js';

/** A JSON column: written with `JSON.stringify`, read back with `JSON.parse` and checked against its schema. */
export interface JsonColumn<T> {
  write(value: T): string;
  /** Parses and checks `text`; `where` names the row for the error (`tensions.cells of T-3`). */
  read(text: string, where: string): T;
}

/**
 * The codec of a JSON text column whose values `schema` describes. The check is compiled once; reading a row that
 * fails it throws a {@link StoredRowError} naming the row, the path and what was expected, instead of letting a
 * wrong shape travel on as if it were typed.
 */
export function jsonColumn<S extends TSchema>(schema: S): JsonColumn<Static<S>> {
  const check = TypeCompiler.Compile(schema);
  return {
    write: (value) => JSON.stringify(value),
    read(text, where) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new StoredRowError(where, `is not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      if (check.Check(value)) return value;
      const first = check.Errors(value).First();
      throw new StoredRowError(where, `does not have the stored shape: ${first?.path || '/'} ${first?.message ?? ''}`);
    },
  };
}

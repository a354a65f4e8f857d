import { CompiledQuery, type Compilable } from 'kysely';
import type { WorkflowDb } from './workflow-db.js';

/** Row counts remembered per dialect: the full chunk and the last few remainders. */
const MAX_SHAPES = 8;

/**
 * A multi-row write that Kysely builds and compiles once per row count, then reruns with new parameters:
 * building a 500-row INSERT costs more than SQLite takes to run it, and the same SQL text finds the dialect's
 * prepared statement at once. The SQL is reused only when its first compilation bound exactly the values
 * `columns` lists, row by row, in that order; otherwise (or with an undefined value) every call builds anew.
 */
export function multiRowStatement<Row extends object>(
  columns: readonly (keyof Row)[],
  build: (db: WorkflowDb, rows: readonly Row[]) => Compilable,
) {
  // By dialect adapter: the root database and its transactions share one, and the SQL differs between dialects.
  const shapes = new WeakMap<object, Map<number, string | false>>();
  return async (db: WorkflowDb, rows: readonly Row[]): Promise<void> => {
    const values: unknown[] = [];
    for (const row of rows) for (const column of columns) values.push(row[column]);
    const adapter = db.getExecutor().adapter;
    let byCount = shapes.get(adapter);
    if (!byCount) shapes.set(adapter, (byCount = new Map()));
    const known = byCount.get(rows.length);
    if (known !== undefined) {
      // Map order is insertion order: re-inserting marks it most recently used.
      byCount.delete(rows.length);
      byCount.set(rows.length, known);
    }
    if (known && !values.includes(undefined)) {
      await db.executeQuery(CompiledQuery.raw(known, values));
      return;
    }
    const compiled = build(db, rows).compile();
    if (known === undefined) {
      if (byCount.size >= MAX_SHAPES) byCount.delete(byCount.keys().next().value!);
      const same =
        compiled.parameters.length === values.length &&
        compiled.parameters.every((value, i) => Object.is(value, values[i]));
      byCount.set(rows.length, same && compiled.sql);
    }
    await db.executeQuery(compiled);
  };
}

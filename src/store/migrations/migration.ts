import type { ColumnDefinitionBuilder, Expression, Kysely } from 'kysely';

/**
 * Column types whose spelling differs between backends. Each adapter supplies one, so a migration is written
 * once and runs on every backend.
 */
export interface ColumnTypes {
  /** A 64-bit integer (epoch ms, positions, counters). SQLite `integer`, PostgreSQL `bigint`. */
  readonly bigint: Expression<unknown>;
  /**
   * Text compared byte by byte (identifiers, event types, names), so prefix ranges such as
   * `type >= 'com.acme.' AND type < 'com.acme/'` mean the same on every backend and use the index.
   */
  readonly key: Expression<unknown>;
  /** An integer primary key the database numbers itself; use as `.addColumn('id', c.autoIncrement.type, c.autoIncrement.build)`. */
  readonly autoIncrement: {
    readonly type: Expression<unknown>;
    readonly build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  };
}

/**
 * One schema change. Its name orders it: `YYYYMMDD-HHMM-<module>-<what>`, the UTC date and time it was written,
 * e.g. `20261121-0900-governance-tensions`. Migrations only go up: the log is never rolled back.
 */
export interface StoreMigration {
  readonly name: string;
  up(db: Kysely<any>, columns: ColumnTypes): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

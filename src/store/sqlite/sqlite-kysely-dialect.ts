import type { Database, Statement } from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { ROWS_AS_ARRAYS } from '../event-columns.js';

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite dialect with two changes: write transactions start with `BEGIN IMMEDIATE` (the write lock is
 * taken up front, so a transaction that reads before it writes waits for another process's writer instead of
 * failing with SQLITE_BUSY), and prepared statements are cached by SQL text (the append hot path prepares once).
 */
export class SqliteKyselyDialect implements Dialect {
  constructor(private readonly database: Database) {}
  createDriver(): Driver {
    return new SqliteStoreDriver(this.database);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

/** SQLite runs DDL in transactions; saying so makes Kysely's Migrator run all pending migrations in one. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** SQLite has one connection; a queue hands it to one Kysely connection user at a time. */
class SqliteStoreDriver implements Driver {
  private readonly connection: CachedStatementConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly database: Database) {
    this.connection = new CachedStatementConnection(database);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    this.database.close();
  }
}

class CachedStatementConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly database: Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.prepare(query.sql);
    if (statement.reader) {
      // Statements marked ROWS_AS_ARRAYS (the event-column scan) return arrays: cheaper than an object per row.
      const rows = query.sql.startsWith(ROWS_AS_ARRAYS)
        ? statement.raw(true).all(query.parameters)
        : statement.all(query.parameters);
      return { rows: rows as R[] };
    }
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A statement of its own: an open iterator keeps its statement busy.
    for (const row of this.database.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }

  private prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.statements.delete(text);
    } else {
      statement = this.database.prepare(text);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(text, statement);
    return statement;
  }
}

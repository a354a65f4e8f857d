import pg from 'pg';

const INT8_OID = 20;

/** 64-bit integers (seq, epoch ms, counts) as JS numbers, like SQLite returns them; exact up to 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool whose connections resolve unqualified table names in `schema`; type parsing is set per pool, not globally. */
export function createPostgresPool(url: string, schema: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}`, types });
  // An idle connection the server closes is dropped by the pool and replaced on the next query; without a
  // listener its 'error' event would crash the process.
  pool.on('error', () => {});
  return pool;
}

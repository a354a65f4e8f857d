import { sql, type Kysely } from 'kysely';

/**
 * The next display number of a table with a unique integer `number` column (T-7, R-3, E-2…): one more than the
 * largest so far. Call it in the transaction that inserts the row; two transactions racing for the same number
 * collide on the unique index, and the loser's transaction fails with a unique-key {@link ConflictError} it may
 * run again.
 */
export async function nextNumber<DB>(db: Kysely<DB>, table: keyof DB & string): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`select max(number) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0) + 1;
}

import type { Kysely } from 'kysely';
import type { Tables } from '../store/index.js';
import type { GovernanceTables } from './governance-tables.js';

/** The store's query builder, typed for the governance tables too. */
export type GovernanceDb = Kysely<Tables & GovernanceTables>;

/** Widens a store executor (the root database or a transaction) to the governance tables. */
export function governanceDb(db: Kysely<Tables>): GovernanceDb {
  return db.withTables<GovernanceTables>() as unknown as GovernanceDb;
}

type Numbered = 'tensions' | 'proposals' | 'decisions' | 'reviews' | 'experiments';

/** The next display number of a table (T-1, T-2…); called inside the inserting transaction. */
export async function nextNumber(db: GovernanceDb, table: Numbered): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback;
}

/** Copies only the defined values, so optional fields stay absent rather than undefined. */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

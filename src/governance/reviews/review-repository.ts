import { NotFoundError } from '../../shared/index.js';
import type { GovernanceDb } from '../governance-db.js';
import type { Review, ReviewState } from '../../model/index.js';
import { reviewFromRow, reviewToRow } from './review-row.js';

/** Reviews over one executor. */
export function reviewRepository(db: GovernanceDb, lockRows = false) {
  return {
    async get(id: string, options: { lock?: boolean } = {}): Promise<Review> {
      const normalized = /^\d+$/.test(id.trim()) ? `R-${Number(id)}` : id.trim().toUpperCase();
      let query = db.selectFrom('reviews').selectAll().where('id', '=', normalized);
      if (options.lock && lockRows) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row)
        throw new NotFoundError(`There is no review "${id}"; list them with \`cello review list\`.`, {
          field: 'id',
          value: id,
        });
      return reviewFromRow(row);
    },
    /** The review being prepared or run: the running one, else the latest planned one. */
    async current(): Promise<Review | undefined> {
      const rows = await db
        .selectFrom('reviews')
        .selectAll()
        .where('state', 'in', ['running', 'planned'])
        .orderBy('number', 'desc')
        .execute();
      const row = rows.find((r) => r.state === 'running') ?? rows[0];
      return row && reviewFromRow(row);
    },
    async list(filter: { states?: ReviewState[] } = {}): Promise<Review[]> {
      let q = db.selectFrom('reviews').selectAll();
      if (filter.states?.length) q = q.where('state', 'in', filter.states);
      return (await q.orderBy('number').execute()).map(reviewFromRow);
    },
    async latest(): Promise<Review | undefined> {
      const row = await db.selectFrom('reviews').selectAll().orderBy('number', 'desc').limit(1).executeTakeFirst();
      return row && reviewFromRow(row);
    },
    async insert(r: Review): Promise<void> {
      await db.insertInto('reviews').values(reviewToRow(r)).execute();
    },
    /** Writes what a review's life changes; its id, number, cell and scope stay as planned. */
    async update(r: Review): Promise<void> {
      const { id: _id, number: _number, cell: _cell, scope: _scope, ...changed } = reviewToRow(r);
      await db.updateTable('reviews').set(changed).where('id', '=', r.id).execute();
    },
  };
}

export type ReviewRepository = ReturnType<typeof reviewRepository>;

import type { Selectable } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import { defined, parseJson, type GovernanceDb } from '../governance-db.js';
import type { ReviewsTable } from '../governance-tables.js';
import type { Review, ReviewState } from '../../model/index.js';

function toReview(r: Selectable<ReviewsTable>): Review {
  const scope = parseJson<string[] | null>(r.scope, null);
  return {
    id: r.id,
    number: Number(r.number),
    cell: r.cell,
    ...(scope ? { scope } : {}),
    state: r.state as ReviewState,
    scheduledFor: r.scheduled_for,
    plannedAt: r.planned_at,
    plannedBy: r.planned_by,
    agenda: parseJson(r.agenda, []),
    reordered: Number(r.reordered) === 1,
    items: Number(r.items),
    decided: Number(r.decided),
    noDecision: Number(r.no_decision) === 1,
    ...(defined({
      startedAt: r.started_at,
      startedBy: r.started_by,
      closedAt: r.closed_at,
      closedBy: r.closed_by,
    }) as Partial<Review>),
  };
}

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
      return toReview(row);
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
      return row && toReview(row);
    },
    async list(filter: { states?: ReviewState[] } = {}): Promise<Review[]> {
      let q = db.selectFrom('reviews').selectAll();
      if (filter.states?.length) q = q.where('state', 'in', filter.states);
      return (await q.orderBy('number').execute()).map(toReview);
    },
    async latest(): Promise<Review | undefined> {
      const row = await db.selectFrom('reviews').selectAll().orderBy('number', 'desc').limit(1).executeTakeFirst();
      return row && toReview(row);
    },
    async insert(r: Review): Promise<void> {
      await db
        .insertInto('reviews')
        .values({
          id: r.id,
          number: r.number,
          cell: r.cell,
          scope: r.scope ? JSON.stringify(r.scope) : null,
          state: r.state,
          scheduled_for: r.scheduledFor,
          planned_at: r.plannedAt,
          planned_by: r.plannedBy,
          started_at: null,
          started_by: null,
          closed_at: null,
          closed_by: null,
          agenda: JSON.stringify(r.agenda),
          reordered: r.reordered ? 1 : 0,
          items: r.agenda.length,
          decided: 0,
          no_decision: 0,
        })
        .execute();
    },
    async update(r: Review): Promise<void> {
      await db
        .updateTable('reviews')
        .set({
          state: r.state,
          scheduled_for: r.scheduledFor,
          planned_at: r.plannedAt,
          planned_by: r.plannedBy,
          started_at: r.startedAt ?? null,
          started_by: r.startedBy ?? null,
          closed_at: r.closedAt ?? null,
          closed_by: r.closedBy ?? null,
          agenda: JSON.stringify(r.agenda),
          reordered: r.reordered ? 1 : 0,
          items: r.items,
          decided: r.decided,
          no_decision: r.noDecision ? 1 : 0,
        })
        .where('id', '=', r.id)
        .execute();
    },
  };
}

export type ReviewRepository = ReturnType<typeof reviewRepository>;

import type { Selectable, Kysely } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import type { Tables } from '../../store/index.js';
import type { Recommendation, RecommendationState } from '../../model/index.js';
import { insightsDb, type RecommendationsTable } from './recommendation-tables.js';

/** Which recommendations to list. */
export interface RecommendationFilter {
  cell?: string;
  state?: RecommendationState;
  kind?: string;
}

function fromRow(row: Selectable<RecommendationsTable>): Recommendation {
  return {
    id: row.id,
    number: Number(row.number),
    key: row.key,
    kind: row.kind,
    cell: row.cell,
    title: row.title,
    summary: row.summary,
    move: row.move,
    metric: row.metric,
    evidence: JSON.parse(row.evidence) as Recommendation['evidence'],
    facts: JSON.parse(row.facts) as Recommendation['facts'],
    impact: JSON.parse(row.impact) as Recommendation['impact'],
    confidence: Number(row.confidence),
    sampleSize: Number(row.sample_size),
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.experiment ? { experiment: row.experiment } : {}),
  };
}

function toRow(r: Recommendation): RecommendationsTable {
  return {
    id: r.id,
    number: r.number,
    key: r.key,
    kind: r.kind,
    cell: r.cell,
    title: r.title,
    summary: r.summary,
    move: r.move,
    metric: r.metric,
    evidence: JSON.stringify(r.evidence),
    facts: JSON.stringify(r.facts),
    impact: JSON.stringify(r.impact),
    confidence: r.confidence,
    sample_size: r.sampleSize,
    state: r.state,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    decided_at: r.decidedAt ?? null,
    decided_by: r.decidedBy ?? null,
    reason: r.reason ?? null,
    experiment: r.experiment ?? null,
  };
}

/** The recommendations projection over one executor (the root database or a transaction). */
export function recommendationRepository(executor: Kysely<Tables>) {
  const db = insightsDb(executor);
  return {
    async list(filter: RecommendationFilter = {}): Promise<Recommendation[]> {
      let query = db.selectFrom('insight_recommendations').selectAll();
      if (filter.cell) query = query.where('cell', '=', filter.cell);
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.kind) query = query.where('kind', '=', filter.kind as Recommendation['kind']);
      return (await query.orderBy('number').execute()).map(fromRow);
    },
    async get(id: string): Promise<Recommendation> {
      const row = await db.selectFrom('insight_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row)
        throw new NotFoundError(
          `There is no recommendation "${id}"; list them with \`cello insights recommendations\`.`,
          { field: 'id', value: id },
        );
      return fromRow(row);
    },
    /** The next display number (R-1, R-2…); call inside the inserting transaction. */
    async nextNumber(): Promise<number> {
      const row = await db
        .selectFrom('insight_recommendations')
        .select((eb) => eb.fn.max<number | null>('number').as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },
    async insert(recommendation: Recommendation): Promise<void> {
      await db.insertInto('insight_recommendations').values(toRow(recommendation)).execute();
    },
    async update(recommendation: Recommendation): Promise<void> {
      const { id: _id, number: _number, key: _key, ...rest } = toRow(recommendation);
      await db.updateTable('insight_recommendations').set(rest).where('id', '=', recommendation.id).execute();
    },
  };
}

export type RecommendationRepository = ReturnType<typeof recommendationRepository>;

import type { Kysely } from 'kysely';
import { NotFoundError } from '../../shared/index.js';
import { nextNumber, type Tables } from '../../store/index.js';
import type { Recommendation, RecommendationState } from '../../model/index.js';
import { recommendationFromRow, recommendationToRow } from './recommendation-row.js';
import { insightsDb } from './recommendation-tables.js';

/** Which recommendations to list. */
export interface RecommendationFilter {
  cell?: string;
  state?: RecommendationState;
  kind?: string;
}

/** The recommendations projection over one executor (the root database or a transaction). */
export function recommendationRepository(executor: Kysely<Tables>) {
  const db = insightsDb(executor);
  return {
    async list(filter: RecommendationFilter = {}): Promise<Recommendation[]> {
      let query = db.selectFrom('insight_recommendations').selectAll();
      if (filter.cell) query = query.where('cell', '=', filter.cell);
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      return (await query.orderBy('number').execute()).map(recommendationFromRow);
    },
    async get(id: string): Promise<Recommendation> {
      const row = await db.selectFrom('insight_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row)
        throw new NotFoundError(
          `There is no recommendation "${id}"; list them with \`cello insights recommendations\`.`,
          { field: 'id', value: id },
        );
      return recommendationFromRow(row);
    },
    /** The next display number (R-1, R-2…); call inside the inserting transaction. */
    nextNumber: () => nextNumber(db, 'insight_recommendations'),
    async insert(recommendation: Recommendation): Promise<void> {
      await db.insertInto('insight_recommendations').values(recommendationToRow(recommendation)).execute();
    },
    async update(recommendation: Recommendation): Promise<void> {
      const { id: _id, number: _number, key: _key, ...rest } = recommendationToRow(recommendation);
      await db.updateTable('insight_recommendations').set(rest).where('id', '=', recommendation.id).execute();
    },
  };
}

export type RecommendationRepository = ReturnType<typeof recommendationRepository>;

import type { Kysely } from 'kysely';
import type { Tables } from '../../store/index.js';
import type { RecommendationsTable } from './recommendation-row.js';

export type { RecommendationsTable } from './recommendation-row.js';

// A type alias, not an interface: Kysely's withTables needs an indexable record type.
export type InsightsTables = {
  insight_recommendations: RecommendationsTable;
};

export type InsightsDb = Kysely<Tables & InsightsTables>;

/** Widens a store executor (the root database or a transaction) to the insights tables. */
export function insightsDb(db: Kysely<Tables>): InsightsDb {
  return db.withTables<InsightsTables>();
}

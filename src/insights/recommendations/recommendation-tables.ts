import type { Kysely } from 'kysely';
import type { Tables } from '../../store/index.js';
import type { RecommendationKind, RecommendationState } from '../../model/index.js';

/** The recommendations projection; JSON columns are text, times RFC 3339 UTC (the store's conventions). */
export interface RecommendationsTable {
  id: string;
  number: number;
  key: string;
  kind: RecommendationKind;
  cell: string;
  title: string;
  summary: string;
  move: string;
  metric: string;
  evidence: string;
  facts: string;
  impact: string;
  confidence: number;
  sample_size: number;
  state: RecommendationState;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  experiment: string | null;
}

// A type alias, not an interface: Kysely's withTables needs an indexable record type.
export type InsightsTables = {
  insight_recommendations: RecommendationsTable;
};

export type InsightsDb = Kysely<Tables & InsightsTables>;

/** Widens a store executor (the root database or a transaction) to the insights tables. */
export function insightsDb(db: Kysely<Tables>): InsightsDb {
  return db.withTables<InsightsTables>() as unknown as InsightsDb;
}

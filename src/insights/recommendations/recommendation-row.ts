import { Type } from '@sinclair/typebox';
import {
  ExpectedImpact,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATES,
  TensionEvidence,
  type Recommendation,
} from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';

/** A recommendation's fields and the columns that hold them: the one description the row type and codec come from. */
const RECOMMENDATION_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  /** The finding's identity across refreshes (unique). */
  key: column.text('key'),
  kind: column.oneOf('kind', RECOMMENDATION_KINDS),
  cell: column.text('cell'),
  title: column.text('title'),
  summary: column.text('summary'),
  move: column.text('move'),
  metric: column.text('metric'),
  evidence: column.json('evidence', Type.Array(TensionEvidence)),
  facts: column.json('facts', Type.Record(Type.String(), Type.Unknown())),
  impact: column.json('impact', ExpectedImpact),
  /** 0..1. */
  confidence: column.number('confidence'),
  sampleSize: column.integer('sample_size'),
  state: column.oneOf('state', RECOMMENDATION_STATES),
  createdAt: column.text('created_at'),
  updatedAt: column.text('updated_at'),
  decidedAt: column.optionalText('decided_at'),
  decidedBy: column.optionalText('decided_by'),
  reason: column.optionalText('reason'),
  experiment: column.optionalText('experiment'),
};

const codec = rowCodec('insight_recommendations', 'id', RECOMMENDATION_FIELDS);

/** The `insight_recommendations` table, column by column (created by recommendation-migration.ts). */
export type RecommendationsTable = RowOf<typeof RECOMMENDATION_FIELDS>;

export const recommendationFromRow = (row: RecommendationsTable): Recommendation => codec.read(row);
export const recommendationToRow = (recommendation: Recommendation): RecommendationsTable =>
  codec.write(recommendation);

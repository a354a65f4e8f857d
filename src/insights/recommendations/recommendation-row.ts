import { Type, type Static } from '@sinclair/typebox';
import {
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATES,
  type ExpectedImpact,
  type Recommendation,
  type TensionEvidence,
} from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';

const literals = <const T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const EvidenceSchema = Type.Object({
  kind: literals(['event', 'agreement', 'insight', 'manifest', 'experiment']),
  ref: Type.String(),
  note: Type.Optional(Type.String()),
});

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const ImpactSchema = Type.Object({
  metric: Type.String(),
  current: NullableNumber,
  expected: NullableNumber,
  change: NullableNumber,
  text: Type.String(),
});

/** True when A and B are the same type: the schemas above must describe exactly the model's interfaces. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- checked by the compiler, never read
const shapesMatchTheModel: [
  Same<Static<typeof EvidenceSchema>, TensionEvidence>,
  Same<Static<typeof ImpactSchema>, ExpectedImpact>,
] = [true, true];

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
  evidence: column.json('evidence', Type.Array(EvidenceSchema)),
  facts: column.json('facts', Type.Record(Type.String(), Type.Unknown())),
  impact: column.json('impact', ImpactSchema),
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

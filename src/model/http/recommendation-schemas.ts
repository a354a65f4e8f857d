/** The shapes of insights' recommendation API (`GET /v1/insights/recommendations…`). */
import { Type, type Static } from '@sinclair/typebox';

/** A pointer to what shows a gap, in governance's evidence vocabulary. */
export const TensionEvidence = Type.Object({
  kind: Type.Union([
    Type.Literal('event'),
    Type.Literal('agreement'),
    Type.Literal('insight'),
    Type.Literal('manifest'),
    Type.Literal('experiment'),
  ]),
  ref: Type.String(),
  note: Type.Optional(Type.String()),
});
export type TensionEvidence = Static<typeof TensionEvidence>;

export const RECOMMENDATION_KINDS = ['bottleneck', 'collaboration-past-duration', 'template-variant'] as const;
/** What a recommendation is about; each kind has its own generator (ARCHITECTURE.md). */
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RECOMMENDATION_STATES = ['open', 'accepted', 'dismissed', 'withdrawn'] as const;
/** `withdrawn`: the evidence went away before the cell decided. Accepted and dismissed are final. */
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** What following the recommendation is expected to change, with the figure it rests on. */
export const ExpectedImpact = Type.Object({
  metric: Type.String(),
  current: Type.Union([Type.Number(), Type.Null()], {
    description: 'the figure now (ms for durations), when it can be put in numbers',
  }),
  expected: nullableNumber,
  change: Type.Union([Type.Number(), Type.Null()], { description: '(expected − current) / current' }),
  text: Type.String(),
});
export type ExpectedImpact = Static<typeof ExpectedImpact>;

const candidate = {
  kind: Type.Union(RECOMMENDATION_KINDS.map((k) => Type.Literal(k))),
  key: Type.String({ description: 'identity across refreshes: the same finding updates its recommendation' }),
  cell: Type.String({ description: 'the owning cell it is addressed to (without `cell:`): the only one that decides' }),
  title: Type.String(),
  summary: Type.String(),
  move: Type.String({ description: 'the move to try if accepted: the experiment’s default' }),
  metric: Type.String({ description: 'the metric to watch: the experiment’s default' }),
  evidence: Type.Array(TensionEvidence),
  facts: Type.Record(Type.String(), Type.Unknown(), { description: 'the figures behind it' }),
  impact: ExpectedImpact,
  confidence: Type.Number({ description: '0..1: how sure the finding is (per kind)' }),
  sampleSize: Type.Integer({ description: 'cases, passages or events it rests on' }),
};

/** A suggestion found in the log, before it is stored: what, to whom, why, and how sure. */
export const RecommendationCandidate = Type.Object(candidate);
export type RecommendationCandidate = Static<typeof RecommendationCandidate>;

/** A stored recommendation and what the cell did with it. */
export const Recommendation = Type.Object({
  ...candidate,
  id: Type.String(),
  number: Type.Integer(),
  state: Type.Union(RECOMMENDATION_STATES.map((s) => Type.Literal(s))),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  decidedAt: Type.Optional(Type.String()),
  decidedBy: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String({ description: 'why it was dismissed or withdrawn' })),
  experiment: Type.Optional(Type.String({ description: 'the experiment accepting it started (governance’s id)' })),
});
export type Recommendation = Static<typeof Recommendation>;

/** What accepting returned: the recommendation, and the experiment governance started. */
export const AcceptResult = Type.Object({
  recommendation: Recommendation,
  experiment: Type.Union([Type.String(), Type.Null()], {
    description: 'the experiment governance started; null when no experiment sink is wired',
  }),
  tension: Type.Optional(Type.String()),
});
export type AcceptResult = Static<typeof AcceptResult>;

const tally = {
  made: Type.Integer(),
  open: Type.Integer(),
  accepted: Type.Integer(),
  dismissed: Type.Integer(),
  withdrawn: Type.Integer(),
  acceptanceRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'accepted ÷ (accepted + dismissed); null while none has been decided',
  }),
};

/** How recommendations fared: counts by state and the acceptance rate. */
export const AcceptanceTally = Type.Object(tally);
export type AcceptanceTally = Static<typeof AcceptanceTally>;

export const AcceptanceStats = Type.Object({
  ...tally,
  byKind: Type.Array(Type.Object({ ...tally, kind: Type.String() })),
  byCell: Type.Array(Type.Object({ ...tally, cell: Type.String() })),
});
export type AcceptanceStats = Static<typeof AcceptanceStats>;

/** What one refresh did to the recommendations. */
export const RefreshResult = Type.Object({
  made: Type.Integer(),
  updated: Type.Integer(),
  withdrawn: Type.Integer(),
});
export type RefreshResult = Static<typeof RefreshResult>;

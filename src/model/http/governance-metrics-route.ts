/** `GET /v1/governance/metrics`: what the record says about how the organization mediates. */
import { Type, type Static } from '@sinclair/typebox';
import { defineRoute } from './route-definition.js';
import { TensionState } from './tension-vocabulary.js';

/** Count, median and mean of a set of durations (the median of an even count is the mean of the middle two). */
export const DurationStats = Type.Object({
  count: Type.Integer(),
  medianMs: Type.Union([Type.Number(), Type.Null()]),
  meanMs: Type.Union([Type.Number(), Type.Null()]),
  median: Type.Union([Type.String(), Type.Null()], { description: 'the median, readable: `1.5h`' }),
});
export type DurationStats = Static<typeof DurationStats>;

export const ReviewWeek = Type.Object({
  week: Type.String({ description: 'ISO week, `2026-W03`' }),
  closed: Type.Integer(),
  withoutDecision: Type.Integer(),
  share: Type.Number(),
});
export type ReviewWeek = Static<typeof ReviewWeek>;

const count = Type.Integer();

/** What the record says about how the organization mediates. */
export const GovernanceMetrics = Type.Object({
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  tensions: Type.Object({
    raised: count,
    byOrigin: Type.Object({ person: count, detector: count }),
    byState: Type.Record(TensionState, count),
    unrouted: count,
  }),
  timeToSurface: Type.Object(
    {
      ...DurationStats.properties,
      byOrigin: Type.Object({ person: DurationStats, detector: DurationStats }),
    },
    { description: 'observedAt → raisedAt: how long a gap went unspoken' },
  ),
  timeToDecision: Type.Object(DurationStats.properties, {
    description: 'raisedAt → the first decision on it (any outcome, escalation included)',
  }),
  reviews: Type.Object({
    closed: count,
    withoutDecision: count,
    shareWithoutDecision: Type.Union([Type.Number(), Type.Null()]),
    byWeek: Type.Array(ReviewWeek),
  }),
  reopened: Type.Object(
    { tensions: count, times: count },
    { description: 'tensions reopened at least once, and how many reopenings in all' },
  ),
  escalations: Type.Integer({ description: 'decisions that escalated a tension' }),
  workflowEscalations: Type.Integer({ description: 'cases that workflows escalated into tensions' }),
});
export type GovernanceMetrics = Static<typeof GovernanceMetrics>;

/** The route of governance's metrics. */
export const GOVERNANCE_ROUTES = {
  metrics: defineRoute({
    method: 'GET',
    url: '/v1/governance/metrics',
    summary: 'Time to surface, time to decision, reviews without a decision (by week), reopened, escalations',
    tags: ['governance'],
    querystring: Type.Object({
      from: Type.Optional(Type.String({ format: 'date-time' })),
      to: Type.Optional(Type.String({ format: 'date-time' })),
    }),
    response: { 200: GovernanceMetrics },
  }),
};

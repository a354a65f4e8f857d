/** The orchestration health report (`GET /v1/insights/health`, `cello.health/1`): teams, boundaries, conflicts. */
import { Type, type Static } from '@sinclair/typebox';
import { LateEscalation } from './anomaly-report-schema.js';

export const HEALTH_STATUSES = ['healthy', 'watch', 'act'] as const;
/** `watch`: something to keep an eye on; `act`: something a review should take up. */
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const HealthStatus = Type.Union(HEALTH_STATUSES.map((s) => Type.Literal(s)));

export const WeekHealth = Type.Object({
  weekStart: Type.String(),
  tensionsRaised: Type.Integer(),
  priorityTensions: Type.Integer(),
  lateEscalations: Type.Integer(),
  reviewsClosed: Type.Integer(),
  reviewsWithoutDecision: Type.Integer(),
  awaitingAtEnd: Type.Integer({ description: 'tensions waiting for a decision at the end of the week (or now)' }),
  agingAtEnd: Type.Integer(),
  cases: Type.Integer({ description: 'cases that started in the week' }),
  reworkShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'the share of them in which an activity repeats',
  }),
});
export type WeekHealth = Static<typeof WeekHealth>;

/** Boundaries as the applied manifests and the log show them. */
export const BoundaryHealth = Type.Object({
  unownedDomains: Type.Array(Type.String()),
  doublyOwnedDomains: Type.Array(Type.Object({ domain: Type.String(), cells: Type.Array(Type.String()) })),
  unownedEventTypes: Type.Array(Type.Object({ type: Type.String(), events: Type.Integer() }), {
    description: "event types seen in the log that no cell offers (Cello's own event types aside)",
  }),
  doublyOwnedEventTypes: Type.Array(Type.Object({ type: Type.String(), cells: Type.Array(Type.String()) })),
  consumersWithoutAgreements: Type.Array(
    Type.Object({ manifest: Type.String(), message: Type.String(), hint: Type.String() }),
  ),
  findings: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
      kind: Type.Optional(Type.String()),
      name: Type.Optional(Type.String()),
      message: Type.String(),
      hint: Type.String(),
    }),
    { description: 'the lint findings behind these lists, as `cello validate` reports them' },
  ),
});
export type BoundaryHealth = Static<typeof BoundaryHealth>;

const area = {
  status: HealthStatus,
  signals: Type.Array(Type.String(), { description: 'why the status is what it is, in sentences' }),
};

export const HealthReport = Type.Object({
  schema: Type.Literal('cello.health/1'),
  generatedAt: Type.String(),
  from: Type.String({ description: 'start of the first week of the trend; the areas cover from here to now' }),
  status: HealthStatus,
  teams: Type.Object({
    ...area,
    priorityDisputes: Type.Object({
      count: Type.Integer(),
      byCell: Type.Array(Type.Object({ cell: Type.String(), count: Type.Integer() })),
    }),
    rework: Type.Object({
      cases: Type.Integer(),
      reworkCases: Type.Integer(),
      share: Type.Union([Type.Number(), Type.Null()]),
      byCell: Type.Array(
        Type.Object({
          cell: Type.String(),
          cases: Type.Integer(),
          reworkCases: Type.Integer(),
          share: Type.Number(),
        }),
      ),
    }),
    reviews: Type.Object({ closed: Type.Integer(), withoutDecision: Type.Integer(), undecidedItems: Type.Integer() }),
  }),
  boundaries: Type.Object({ ...area, ...BoundaryHealth.properties }),
  conflicts: Type.Object({
    ...area,
    awaiting: Type.Integer(),
    aging: Type.Array(
      Type.Object({
        tension: Type.String(),
        title: Type.String(),
        type: Type.String(),
        cells: Type.Array(Type.String()),
        raisedAt: Type.String(),
        ageMs: Type.Number(),
      }),
    ),
    late: Type.Array(LateEscalation),
    medianSurfaceMs: Type.Union([Type.Number(), Type.Null()]),
    escalated: Type.Integer(),
  }),
  trend: Type.Array(WeekHealth),
});
export type HealthReport = Static<typeof HealthReport>;

/** Recommendations over HTTP: every token reads; only the cell one is addressed to accepts or dismisses it. */
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse, REFUSALS } from './error-response.js';
import {
  AcceptanceStats,
  AcceptResult,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATES,
  Recommendation,
} from './recommendation-schemas.js';
import { defineRoute } from './route-definition.js';

const tags = ['insights'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** What accepting may change of the recommendation's defaults; insights' accept takes it as is. */
export const AcceptInput = Type.Object(
  {
    move: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    reviewDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD, or a duration from now such as 2w' })),
  },
  { additionalProperties: false },
);
export type AcceptInput = Static<typeof AcceptInput>;

export const RECOMMENDATION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/insights/recommendations',
    summary: 'Recommendations, oldest first (every token reads; filter by cell, state, kind)',
    tags,
    querystring: Type.Object({
      cell: Type.Optional(Type.String()),
      state: Type.Optional(Type.Union(RECOMMENDATION_STATES.map((s) => Type.Literal(s)))),
      kind: Type.Optional(Type.Union(RECOMMENDATION_KINDS.map((k) => Type.Literal(k)))),
    }),
    response: { 200: Type.Object({ recommendations: Type.Array(Recommendation) }) },
  }),
  stats: defineRoute({
    method: 'GET',
    url: '/v1/insights/recommendations/stats',
    summary: 'Acceptance rates, overall, per kind and per cell',
    tags,
    response: { 200: AcceptanceStats },
  }),
  show: defineRoute({
    method: 'GET',
    url: '/v1/insights/recommendations/:id',
    summary: 'One recommendation',
    tags,
    params: Id,
    response: { 200: Recommendation, 404: ErrorResponse },
  }),
  accept: defineRoute({
    method: 'POST',
    url: '/v1/insights/recommendations/:id/accept',
    summary: 'Accept (the owning cell only): starts an experiment with the move and metric',
    tags,
    params: Id,
    body: Type.Optional(AcceptInput),
    response: { 200: AcceptResult, ...REFUSALS },
  }),
  dismiss: defineRoute({
    method: 'POST',
    url: '/v1/insights/recommendations/:id/dismiss',
    summary: 'Dismiss with a reason (the owning cell only)',
    tags,
    params: Id,
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
    response: { 200: Recommendation, ...REFUSALS },
  }),
};

/**
 * Tensions over HTTP. Every token reads; who may act is decided by governance itself (decision rights, membership,
 * the facilitator role) and refused with 403 naming who may.
 */
import { Type } from '@sinclair/typebox';
import { DecideResult } from './decision-schemas.js';
import { ErrorResponse, REFUSALS } from './error-response.js';
import { OutcomeInput } from './outcome-input.js';
import { RaiseInput } from './raise-input.js';
import { defineRoute } from './route-definition.js';
import { TensionDetail } from './tension-detail.js';
import { TensionNote, TensionView } from './tension-schemas.js';
import { TENSION_STATES, TensionState } from './tension-vocabulary.js';

const tags = ['governance'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });

export const TENSION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/tensions',
    summary: 'Tensions, oldest first, with route, score and priority',
    tags,
    querystring: Type.Object({
      state: Type.Optional(Type.String({ description: `comma-separated: ${TENSION_STATES.join(', ')}` })),
      type: Type.Optional(Type.String()),
      cell: Type.Optional(Type.String()),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
    }),
    response: { 200: Type.Object({ tensions: Type.Array(TensionView) }), 400: ErrorResponse },
  }),
  raise: defineRoute({
    method: 'POST',
    url: '/v1/tensions',
    summary: 'Raise a tension (any cell token, for any cells)',
    tags,
    body: RaiseInput,
    response: { 201: TensionDetail, ...REFUSALS },
  }),
  show: defineRoute({
    method: 'GET',
    url: '/v1/tensions/:id',
    summary: 'One tension with its notes, proposals and decisions',
    tags,
    params: Id,
    response: { 200: TensionDetail, 404: ErrorResponse },
  }),
  comment: defineRoute({
    method: 'POST',
    url: '/v1/tensions/:id/comments',
    summary: 'Comment (cells involved, raiser, decider, advisors)',
    tags,
    params: Id,
    body: Text,
    response: { 201: TensionNote, ...REFUSALS },
  }),
  advise: defineRoute({
    method: 'POST',
    url: '/v1/tensions/:id/advice',
    summary: "Give advice (the decision right's advisors)",
    tags,
    params: Id,
    body: Text,
    response: { 201: TensionNote, ...REFUSALS },
  }),
  rate: defineRoute({
    method: 'PUT',
    url: '/v1/tensions/:id/ratings',
    summary: "Rate the organization's criteria 0–5 (raiser or facilitator); the score explains itself",
    tags,
    params: Id,
    body: Type.Object(
      { ratings: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 5 })) },
      { additionalProperties: false },
    ),
    response: { 200: TensionDetail, ...REFUSALS },
  }),
  changeState: defineRoute({
    method: 'POST',
    url: '/v1/tensions/:id/state',
    summary: 'Resolve (raiser or decider) or reopen (cells that belong to it) a tension',
    tags,
    params: Id,
    body: Type.Object(
      { state: TensionState, reason: Type.String({ minLength: 1, maxLength: 4000 }) },
      { additionalProperties: false },
    ),
    response: { 200: TensionDetail, ...REFUSALS },
  }),
  decide: defineRoute({
    method: 'POST',
    url: '/v1/tensions/:id/decisions',
    summary: 'Decide (owner, advice) or propose (consent, vote) outside a review: the decider only',
    tags,
    params: Id,
    body: OutcomeInput,
    response: { 201: DecideResult, ...REFUSALS },
  }),
};

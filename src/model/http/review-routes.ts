/** The tension review over HTTP: plan, reorder, start, decide items, close, minutes. */
import { Type } from '@sinclair/typebox';
import { DecideResult } from './decision-schemas.js';
import { ErrorResponse, REFUSALS } from './error-response.js';
import { OutcomeInput } from './outcome-input.js';
import { NextReview, Review } from './review-schemas.js';
import { defineRoute } from './route-definition.js';

const tags = ['governance'];
const Id = Type.Object({
  id: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'a review id, or `current`: the planned or running one',
  }),
});

export const REVIEW_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/reviews',
    summary: 'Reviews, oldest first',
    tags,
    response: { 200: Type.Object({ reviews: Type.Array(Review) }) },
  }),
  plan: defineRoute({
    method: 'POST',
    url: '/v1/reviews',
    summary: 'Plan the next review (or refresh the planned one): generate its agenda (facilitator or admin)',
    tags,
    body: Type.Optional(
      Type.Object(
        { cell: Type.Optional(Type.String()), cells: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })) },
        { additionalProperties: false },
      ),
    ),
    response: { 201: Review, ...REFUSALS },
  }),
  next: defineRoute({
    method: 'GET',
    url: '/v1/reviews/next',
    summary: 'When the next review falls on the cadence',
    tags,
    response: { 200: NextReview },
  }),
  show: defineRoute({
    method: 'GET',
    url: '/v1/reviews/:id',
    summary: 'One review with its agenda and evidence packets (`current`: the planned or running one)',
    tags,
    params: Id,
    response: { 200: Review, 404: ErrorResponse, 409: ErrorResponse },
  }),
  reorder: defineRoute({
    method: 'PUT',
    url: '/v1/reviews/:id/agenda',
    summary: 'Reorder the agenda: items (positions or tension ids) to take first (facilitator)',
    tags,
    params: Id,
    body: Type.Object(
      { order: Type.Array(Type.String(), { minItems: 1, maxItems: 200 }) },
      { additionalProperties: false },
    ),
    response: { 200: Review, ...REFUSALS },
  }),
  start: defineRoute({
    method: 'POST',
    url: '/v1/reviews/:id/start',
    summary: 'Start the review (facilitator)',
    tags,
    params: Id,
    response: { 200: Review, ...REFUSALS },
  }),
  decideItem: defineRoute({
    method: 'POST',
    url: '/v1/reviews/:id/items/:item/decisions',
    summary: "Decide an agenda item in the running review (the item's decider)",
    tags,
    params: Type.Object({ id: Type.String(), item: Type.String() }),
    body: OutcomeInput,
    response: { 201: DecideResult, ...REFUSALS },
  }),
  close: defineRoute({
    method: 'POST',
    url: '/v1/reviews/:id/close',
    summary: 'Close the review: settle its proposals, record decided or not (facilitator)',
    tags,
    params: Id,
    response: { 200: Review, ...REFUSALS },
  }),
  minutes: defineRoute({
    method: 'GET',
    url: '/v1/reviews/:id/minutes',
    summary: 'The minutes as Markdown',
    tags,
    params: Id,
    produces: ['text/markdown'],
    response: { 200: Type.String({ description: 'Markdown' }), 404: ErrorResponse },
  }),
};

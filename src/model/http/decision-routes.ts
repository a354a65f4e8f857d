/** Proposals (objections, votes), the decisions log and experiments over HTTP. */
import { Type } from '@sinclair/typebox';
import { Decision, Experiment, Proposal } from './decision-schemas.js';
import { ErrorResponse, REFUSALS } from './error-response.js';
import { defineRoute } from './route-definition.js';

const tags = ['governance'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const PROPOSAL_ROUTES = {
  show: defineRoute({
    method: 'GET',
    url: '/v1/proposals/:id',
    summary: 'One proposal',
    tags,
    params: Id,
    response: { 200: Proposal, 404: ErrorResponse },
  }),
  object: defineRoute({
    method: 'POST',
    url: '/v1/proposals/:id/objections',
    summary: 'Object to a consent proposal (cells that belong to the tension)',
    tags,
    params: Id,
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
    response: { 201: Proposal, ...REFUSALS },
  }),
  vote: defineRoute({
    method: 'POST',
    url: '/v1/proposals/:id/votes',
    summary: 'Vote on a vote proposal (members of the decider cell, with a member token)',
    tags,
    params: Id,
    body: Type.Object({ vote: Type.Union([Type.Literal('yes'), Type.Literal('no')]) }, { additionalProperties: false }),
    response: { 201: Proposal, ...REFUSALS },
  }),
};

export const DECISION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/decisions',
    summary: 'The decisions log: who, method, criteria, rationale, review date',
    tags,
    querystring: Type.Object({ tension: Type.Optional(Type.String()), review: Type.Optional(Type.String()) }),
    response: { 200: Type.Object({ decisions: Type.Array(Decision) }) },
  }),
  experiments: defineRoute({
    method: 'GET',
    url: '/v1/experiments',
    summary: 'Experiments: move, metric, review date, result',
    tags,
    querystring: Type.Object({
      state: Type.Optional(Type.Union([Type.Literal('running'), Type.Literal('concluded')])),
    }),
    response: { 200: Type.Object({ experiments: Type.Array(Experiment) }) },
  }),
};

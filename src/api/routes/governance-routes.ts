import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  EVIDENCE_KINDS,
  OutcomeInputSchema,
  SEVERITIES,
  TENSION_STATES,
  type Governance,
  type OutcomeInput,
  type RaiseInput,
  type TensionState,
} from '../../governance/index.js';
import { InputError } from '../../shared/index.js';
import { ErrorResponse } from '../error-schema.js';

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** 201 bodies are the created record, serialized as is. */
const Created = { 201: Type.Unknown({ description: 'the created record' }), ...Errors };
const Evidence = Type.Union([
  Type.String({ description: 'kind:ref (event:42, agreement:payments-risk, insight:…) or a URL' }),
  Type.Object(
    {
      kind: Type.Union(EVIDENCE_KINDS.map((k) => Type.Literal(k))),
      ref: Type.String({ minLength: 1 }),
      note: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
]);
const RaiseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    type: Type.String({ minLength: 1, description: "one of the organization's tension types" }),
    cells: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      maxItems: 20,
      description: 'involved cells: payments or cell:payments',
    }),
    severity: Type.Optional(Type.Union(SEVERITIES.map((s) => Type.Literal(s)))),
    observedAt: Type.Optional(Type.String({ description: 'when the gap was first seen, RFC 3339' })),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
    ratings: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 5 }))),
  },
  { additionalProperties: false },
);
const Text = Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
const reviewId = (id: string) => (id === 'current' ? undefined : id);

/**
 * Governance over HTTP: tensions, proposals, decisions, experiments, reviews and metrics. Every token reads;
 * who may act is decided by governance itself (decision rights, membership, the facilitator role) and refused
 * with 403 naming who may.
 */
export function governanceRoutes(governance: Governance) {
  return async function governancePlugin(app: FastifyInstance): Promise<void> {
    const tags = ['governance'];

    app.get(
      '/v1/tensions',
      {
        schema: {
          summary: 'Tensions, oldest first, with route, score and priority',
          tags,
          querystring: Type.Object({
            state: Type.Optional(Type.String({ description: `comma-separated: ${TENSION_STATES.join(', ')}` })),
            type: Type.Optional(Type.String()),
            cell: Type.Optional(Type.String()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
          }),
        },
      },
      async (request) => {
        const q = request.query as { state?: string; type?: string; cell?: string; limit?: number };
        const states = q.state ? (q.state.split(',').map((s) => s.trim()) as TensionState[]) : undefined;
        const bad = states?.find((s) => !TENSION_STATES.includes(s));
        if (bad)
          throw new InputError(
            `state "${bad}" is not a tension state; use ${TENSION_STATES.join(', ')} (comma-separated).`,
            { field: 'state' },
          );
        return {
          tensions: await governance.tensions.list({
            ...(states ? { states } : {}),
            ...(q.type ? { type: q.type } : {}),
            ...(q.cell ? { cell: q.cell } : {}),
            limit: q.limit ?? 200,
          }),
        };
      },
    );

    app.post(
      '/v1/tensions',
      {
        schema: {
          summary: 'Raise a tension (any cell token, for any cells)',
          tags,
          body: RaiseBody,
          response: Created,
        },
      },
      async (request, reply) => {
        const detail = await governance.tensions.raise(request.principal, request.body as RaiseInput);
        return reply.status(201).send(detail);
      },
    );

    app.get(
      '/v1/tensions/:id',
      {
        schema: {
          summary: 'One tension with its notes, proposals and decisions',
          tags,
          params: Id,
          response: { 404: ErrorResponse },
        },
      },
      async (request) => governance.tensions.show((request.params as { id: string }).id),
    );

    app.post(
      '/v1/tensions/:id/comments',
      {
        schema: {
          summary: 'Comment (cells involved, raiser, decider, advisors)',
          tags,
          params: Id,
          body: Text,
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.tensions.comment(
              request.principal,
              (request.params as { id: string }).id,
              (request.body as { body: string }).body,
            ),
          ),
    );

    app.post(
      '/v1/tensions/:id/advice',
      {
        schema: {
          summary: "Give advice (the decision right's advisors)",
          tags,
          params: Id,
          body: Text,
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.tensions.advise(
              request.principal,
              (request.params as { id: string }).id,
              (request.body as { body: string }).body,
            ),
          ),
    );

    app.put(
      '/v1/tensions/:id/ratings',
      {
        schema: {
          summary: "Rate the organization's criteria 0–5 (raiser or facilitator); the score explains itself",
          tags,
          params: Id,
          body: Type.Object(
            { ratings: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 5 })) },
            { additionalProperties: false },
          ),
          response: Errors,
        },
      },
      async (request) =>
        governance.tensions.rate(
          request.principal,
          (request.params as { id: string }).id,
          (request.body as { ratings: Record<string, number> }).ratings,
        ),
    );

    app.post(
      '/v1/tensions/:id/state',
      {
        schema: {
          summary: 'Resolve (raiser or decider) or reopen (cells that belong to it) a tension',
          tags,
          params: Id,
          body: Type.Object(
            {
              state: Type.Union(TENSION_STATES.map((s) => Type.Literal(s))),
              reason: Type.String({ minLength: 1, maxLength: 4000 }),
            },
            { additionalProperties: false },
          ),
          response: Errors,
        },
      },
      async (request) => {
        const body = request.body as { state: TensionState; reason: string };
        return governance.tensions.changeState(
          request.principal,
          (request.params as { id: string }).id,
          body.state,
          body.reason,
        );
      },
    );

    app.post(
      '/v1/tensions/:id/decisions',
      {
        schema: {
          summary: 'Decide (owner, advice) or propose (consent, vote) outside a review: the decider only',
          tags,
          params: Id,
          body: OutcomeInputSchema,
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.decisions.decide(
              request.principal,
              (request.params as { id: string }).id,
              request.body as OutcomeInput,
            ),
          ),
    );

    app.get(
      '/v1/proposals/:id',
      { schema: { summary: 'One proposal', tags, params: Id, response: { 404: ErrorResponse } } },
      async (request) => governance.decisions.proposal((request.params as { id: string }).id),
    );

    app.post(
      '/v1/proposals/:id/objections',
      {
        schema: {
          summary: 'Object to a consent proposal (cells that belong to the tension)',
          tags,
          params: Id,
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 4000 }) },
            { additionalProperties: false },
          ),
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.decisions.object(
              request.principal,
              (request.params as { id: string }).id,
              (request.body as { reason: string }).reason,
            ),
          ),
    );

    app.post(
      '/v1/proposals/:id/votes',
      {
        schema: {
          summary: 'Vote on a vote proposal (members of the decider cell, with a member token)',
          tags,
          params: Id,
          body: Type.Object(
            { vote: Type.Union([Type.Literal('yes'), Type.Literal('no')]) },
            { additionalProperties: false },
          ),
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.decisions.vote(
              request.principal,
              (request.params as { id: string }).id,
              (request.body as { vote: 'yes' | 'no' }).vote,
            ),
          ),
    );

    app.get(
      '/v1/decisions',
      {
        schema: {
          summary: 'The decisions log: who, method, criteria, rationale, review date',
          tags,
          querystring: Type.Object({ tension: Type.Optional(Type.String()), review: Type.Optional(Type.String()) }),
        },
      },
      async (request) => {
        const q = request.query as { tension?: string; review?: string };
        return {
          decisions: await governance.decisionLog({
            ...(q.tension ? { tensionId: q.tension.toUpperCase() } : {}),
            ...(q.review ? { reviewId: q.review.toUpperCase() } : {}),
          }),
        };
      },
    );

    app.get(
      '/v1/experiments',
      {
        schema: {
          summary: 'Experiments: move, metric, review date, result',
          tags,
          querystring: Type.Object({
            state: Type.Optional(Type.Union([Type.Literal('running'), Type.Literal('concluded')])),
          }),
        },
      },
      async (request) => ({
        experiments: await governance.experiments(request.query as { state?: 'running' | 'concluded' }),
      }),
    );

    app.get('/v1/reviews', { schema: { summary: 'Reviews, oldest first', tags } }, async () => ({
      reviews: await governance.reviews.list(),
    }));

    app.post(
      '/v1/reviews',
      {
        schema: {
          summary: 'Plan the next review (or refresh the planned one): generate its agenda (facilitator or admin)',
          tags,
          body: Type.Optional(
            Type.Object(
              { cell: Type.Optional(Type.String()), cells: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })) },
              { additionalProperties: false },
            ),
          ),
          response: Created,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await governance.reviews.plan(
              request.principal,
              (request.body as { cell?: string; cells?: string[] } | undefined) ?? {},
            ),
          ),
    );

    app.get('/v1/reviews/next', { schema: { summary: 'When the next review falls on the cadence', tags } }, async () =>
      governance.reviews.next(),
    );

    app.get(
      '/v1/reviews/:id',
      {
        schema: {
          summary: 'One review with its agenda and evidence packets (`current`: the planned or running one)',
          tags,
          params: Id,
          response: { 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => {
        const id = reviewId((request.params as { id: string }).id);
        return id ? governance.reviews.get(id) : governance.reviews.requireCurrent();
      },
    );

    app.put(
      '/v1/reviews/:id/agenda',
      {
        schema: {
          summary: 'Reorder the agenda: items (positions or tension ids) to take first (facilitator)',
          tags,
          params: Id,
          body: Type.Object(
            { order: Type.Array(Type.String(), { minItems: 1, maxItems: 200 }) },
            { additionalProperties: false },
          ),
          response: Errors,
        },
      },
      async (request) =>
        governance.reviews.reorder(
          request.principal,
          reviewId((request.params as { id: string }).id),
          (request.body as { order: string[] }).order,
        ),
    );

    app.post(
      '/v1/reviews/:id/start',
      { schema: { summary: 'Start the review (facilitator)', tags, params: Id, response: Errors } },
      async (request) => governance.reviews.start(request.principal, reviewId((request.params as { id: string }).id)),
    );

    app.post(
      '/v1/reviews/:id/items/:item/decisions',
      {
        schema: {
          summary: "Decide an agenda item in the running review (the item's decider)",
          tags,
          params: Type.Object({ id: Type.String(), item: Type.String() }),
          body: OutcomeInputSchema,
          response: Created,
        },
      },
      async (request, reply) => {
        const { id, item } = request.params as { id: string; item: string };
        return reply
          .status(201)
          .send(await governance.reviews.decide(request.principal, reviewId(id), item, request.body as OutcomeInput));
      },
    );

    app.post(
      '/v1/reviews/:id/close',
      {
        schema: {
          summary: 'Close the review: settle its proposals, record decided or not (facilitator)',
          tags,
          params: Id,
          response: Errors,
        },
      },
      async (request) => governance.reviews.close(request.principal, reviewId((request.params as { id: string }).id)),
    );

    app.get(
      '/v1/reviews/:id/minutes',
      { schema: { summary: 'The minutes as Markdown', tags, params: Id, response: { 404: ErrorResponse } } },
      async (request, reply) =>
        reply
          .type('text/markdown; charset=utf-8')
          .send(await governance.reviews.minutes(reviewId((request.params as { id: string }).id))),
    );

    app.get(
      '/v1/governance/metrics',
      {
        schema: {
          summary: 'Time to surface, time to decision, reviews without a decision (by week), reopened, escalations',
          tags,
          querystring: Type.Object({
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          }),
        },
      },
      async (request) => {
        const q = request.query as { from?: string; to?: string };
        return governance.metrics({
          ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
          ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
        });
      },
    );
  };
}

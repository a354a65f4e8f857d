/** Deliveries, their attempts, dead letters and replays, and subscriptions: a cell sees and replays its own. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { ManifestOf } from '../manifests/index.js';
import { ErrorResponse } from './error-response.js';
import { manifestSchema } from './manifest-routes.js';
import { defineRoute } from './route-definition.js';

/** Where a delivery stands; `dead` ones form the dead-letter list. */
export const DELIVERY_STATUSES = ['pending', 'in_flight', 'succeeded', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
const Status = Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)));
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A webhook delivery: one event for one subscription action. */
export const DeliveryView = Type.Object({
  id: Type.String(),
  eventSeq: Type.Integer(),
  subscription: Type.String(),
  target: Type.String({ description: 'the webhook URL (or the emitted type) the action targets' }),
  status: Status,
  attempts: Type.Integer(),
  nextAttemptAt: nullable(Type.String()),
  lastStatusCode: nullable(Type.Integer()),
  lastError: nullable(Type.String()),
  createdAt: Type.String(),
  completedAt: nullable(Type.String()),
});
export type DeliveryView = Static<typeof DeliveryView>;

/** One attempt at a delivery. */
export const AttemptView = Type.Object({
  attempt: Type.Integer({ description: '1 for the first attempt' }),
  startedAt: Type.String(),
  durationMs: Type.Number(),
  statusCode: nullable(Type.Integer()),
  outcome: Type.String({ description: 'what the attempt led to, e.g. succeeded, retry, dead' }),
  error: nullable(Type.String()),
});
export type AttemptView = Static<typeof AttemptView>;

const Refusals = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const DELIVERY_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/deliveries',
    summary: 'Webhook deliveries, newest first',
    tags: ['deliveries'],
    querystring: Type.Object({
      subscription: Type.Optional(Type.String()),
      status: Type.Optional(Status),
      failed: Type.Optional(Type.Boolean({ description: 'dead letters and deliveries whose last attempt failed' })),
      before: Type.Optional(Type.String({ description: 'cursor: the id of the last delivery of the previous page' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    }),
    response: {
      200: Type.Object({ deliveries: Type.Array(DeliveryView), next: nullable(Type.String()) }),
      ...Refusals,
    },
  }),
  attempts: defineRoute({
    method: 'GET',
    url: '/v1/deliveries/:id/attempts',
    summary: 'Every attempt of one delivery',
    tags: ['deliveries'],
    params: Type.Object({ id: Type.String() }),
    response: { 200: Type.Object({ attempts: Type.Array(AttemptView) }), 403: ErrorResponse, 404: ErrorResponse },
  }),
  replay: defineRoute({
    method: 'POST',
    url: '/v1/deliveries/replay',
    summary: "Redeliver: a subscription's dead letters, or everything from an event sequence number",
    tags: ['deliveries'],
    body: Type.Object(
      {
        deadLetters: Type.Optional(Type.Boolean()),
        subscription: Type.Optional(Type.String()),
        fromSeq: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ queued: Type.Integer() }), ...Refusals },
  }),
};

export const SUBSCRIPTION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/subscriptions',
    summary: 'Subscriptions (a cell sees its own)',
    tags: ['subscriptions'],
    response: { 200: Type.Object({ subscriptions: Type.Array(manifestSchema<ManifestOf<'Subscription'>>()) }) },
  }),
  secret: defineRoute({
    method: 'GET',
    url: '/v1/subscriptions/:name/secret',
    summary: 'The signing secret of a subscription (its owner or the admin)',
    tags: ['subscriptions'],
    params: Type.Object({ name: Type.String() }),
    response: {
      200: Type.Object({ subscription: Type.String(), secret: Type.String({ description: 'whsec_…' }) }),
      403: ErrorResponse,
      404: ErrorResponse,
    },
  }),
};

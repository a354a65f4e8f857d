import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DELIVERY_STATUSES, type DeliveryAdmin, type Runtime } from '../../engine/index.js';
import { NotAllowedError, NotFoundError } from '../../shared/index.js';
import { requireAdmin } from '../auth.js';
import { ErrorResponse } from '../error-schema.js';

/** Deliveries, their attempts, dead letters and replays. A cell sees and replays its own subscriptions only. */
export async function deliveryRoutes(
  app: FastifyInstance,
  options: { runtime: Runtime; deliveries: DeliveryAdmin },
): Promise<void> {
  const { runtime, deliveries } = options;

  /** The subscriptions the caller may see: all for the admin, its own for a cell. */
  const visible = (request: FastifyRequest): string[] | undefined =>
    request.principal.kind === 'cell'
      ? runtime
          .org()
          .subscriptions.filter((s) => s.spec.cell === `cell:${(request.principal as { cell: string }).cell}`)
          .map((s) => s.metadata.name)
      : undefined;

  const ownSubscription = (request: FastifyRequest, name: string) => {
    const subscription = runtime.org().subscriptions.find((s) => s.metadata.name === name);
    if (!subscription)
      throw new NotFoundError(`There is no subscription "${name}"; list them with GET /v1/subscriptions.`, {
        field: 'subscription',
      });
    if (request.principal.kind === 'cell' && subscription.spec.cell !== `cell:${request.principal.cell}`) {
      throw new NotAllowedError(
        `Subscription "${name}" belongs to ${subscription.spec.cell}; a cell manages only its own subscriptions.`,
        {
          rule: 'own-subscriptions',
        },
      );
    }
    return subscription;
  };

  app.get(
    '/v1/deliveries',
    {
      schema: {
        summary: 'Webhook deliveries, newest first',
        tags: ['deliveries'],
        querystring: Type.Object({
          subscription: Type.Optional(Type.String()),
          status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
          failed: Type.Optional(Type.Boolean({ description: 'dead letters and deliveries whose last attempt failed' })),
          before: Type.Optional(
            Type.String({ description: 'cursor: the id of the last delivery of the previous page' }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
      },
    },
    async (request) => {
      const q = request.query as {
        subscription?: string;
        status?: (typeof DELIVERY_STATUSES)[number];
        failed?: boolean;
        before?: string;
        limit?: number;
      };
      if (q.subscription) ownSubscription(request, q.subscription);
      const scope = q.subscription ? [q.subscription] : visible(request);
      const limit = q.limit ?? 50;
      const items = await deliveries.list({
        ...(scope ? { subscriptions: scope } : {}),
        ...(q.status ? { status: [q.status] } : {}),
        ...(q.failed ? { failed: true } : {}),
        ...(q.before ? { afterId: q.before } : {}),
        limit,
      });
      return { deliveries: items, next: items.length === limit ? items[items.length - 1]!.id : null };
    },
  );

  app.get(
    '/v1/deliveries/:id/attempts',
    {
      schema: {
        summary: 'Every attempt of one delivery',
        tags: ['deliveries'],
        params: Type.Object({ id: Type.String() }),
        response: { 404: ErrorResponse },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const delivery = await deliveries.get(id);
      if (!delivery) throw new NotFoundError(`There is no delivery "${id}".`, { field: 'id' });
      ownSubscription(request, delivery.subscription);
      return { attempts: await deliveries.attempts(id) };
    },
  );

  app.post(
    '/v1/deliveries/replay',
    {
      schema: {
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
        response: { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as { deadLetters?: boolean; subscription?: string; fromSeq?: number };
      if (body.subscription) ownSubscription(request, body.subscription);
      let queued: number;
      if (body.deadLetters) {
        if (!body.subscription) {
          return reply.status(400).send({
            error: {
              code: 'invalid_input',
              message:
                'Replaying dead letters needs a subscription: send {"deadLetters": true, "subscription": "<name>"}.',
              details: { field: 'subscription' },
            },
          });
        }
        queued = await deliveries.replayDeadLetters(body.subscription);
      } else if (body.fromSeq !== undefined) {
        if (!body.subscription)
          requireAdmin(request, 'replay every subscription from a position (cells name their subscription)');
        queued = await deliveries.replayFrom(
          body.fromSeq,
          body.subscription ? { subscriptions: [body.subscription] } : {},
        );
      } else {
        return reply.status(400).send({
          error: {
            code: 'invalid_input',
            message: 'Say what to replay: {"deadLetters": true, "subscription": "<name>"} or {"fromSeq": <n>}.',
            details: { field: 'body' },
          },
        });
      }
      runtime.worker.wake();
      return { queued };
    },
  );

  app.get(
    '/v1/subscriptions',
    { schema: { summary: 'Subscriptions (a cell sees its own)', tags: ['subscriptions'] } },
    async (request) => {
      const names = visible(request);
      const subscriptions = runtime.org().subscriptions.filter((s) => !names || names.includes(s.metadata.name));
      return { subscriptions };
    },
  );

  app.get(
    '/v1/subscriptions/:name/secret',
    {
      schema: {
        summary: 'The signing secret of a subscription (its owner or the admin)',
        tags: ['subscriptions'],
        params: Type.Object({ name: Type.String() }),
      },
    },
    async (request) => {
      const { name } = request.params as { name: string };
      ownSubscription(request, name);
      return { subscription: name, secret: await runtime.worker.secretOf(name) };
    },
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeliveryAdmin, Runtime } from '../../engine/index.js';
import { DELIVERY_ROUTES, SUBSCRIPTION_ROUTES } from '../../model/index.js';
import { InputError, NotAllowedError, NotFoundError } from '../../shared/index.js';
import { requireAdmin } from '../auth.js';
import { serveRoute } from '../serve-route.js';

/** Deliveries, their attempts, dead letters and replays. A cell sees and replays its own subscriptions only. */
export async function deliveryRoutes(
  app: FastifyInstance,
  options: { runtime: Runtime; deliveries: DeliveryAdmin },
): Promise<void> {
  const { runtime, deliveries } = options;

  /** The subscriptions the caller may see: all for the admin, its own for a cell. */
  const visible = (request: FastifyRequest): string[] | undefined => {
    const { principal } = request;
    return principal.kind === 'cell'
      ? runtime
          .org()
          .subscriptions.filter((s) => s.spec.cell === `cell:${principal.cell}`)
          .map((s) => s.metadata.name)
      : undefined;
  };

  const ownSubscription = (request: FastifyRequest, name: string) => {
    const subscription = runtime.org().subscriptions.find((s) => s.metadata.name === name);
    if (!subscription)
      throw new NotFoundError(`There is no subscription "${name}"; list them with GET /v1/subscriptions.`, {
        field: 'subscription',
      });
    if (request.principal.kind === 'cell' && subscription.spec.cell !== `cell:${request.principal.cell}`) {
      throw new NotAllowedError(
        `Subscription "${name}" belongs to ${subscription.spec.cell}; a cell manages only its own subscriptions.`,
        { rule: 'own-subscriptions' },
      );
    }
    return subscription;
  };

  serveRoute(app, DELIVERY_ROUTES.list, async (request) => {
    const q = request.query;
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
  });

  serveRoute(app, DELIVERY_ROUTES.attempts, async (request) => {
    const { id } = request.params;
    const delivery = await deliveries.get(id);
    if (!delivery) throw new NotFoundError(`There is no delivery "${id}".`, { field: 'id' });
    ownSubscription(request, delivery.subscription);
    return { attempts: await deliveries.attempts(id) };
  });

  serveRoute(app, DELIVERY_ROUTES.replay, async (request) => {
    const body = request.body;
    if (body.subscription) ownSubscription(request, body.subscription);
    let queued: number;
    if (body.deadLetters) {
      if (!body.subscription) {
        throw new InputError(
          'Replaying dead letters needs a subscription: send {"deadLetters": true, "subscription": "<name>"}.',
          { field: 'subscription' },
        );
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
      throw new InputError('Say what to replay: {"deadLetters": true, "subscription": "<name>"} or {"fromSeq": <n>}.', {
        field: 'body',
      });
    }
    runtime.worker.wake();
    return { queued };
  });

  serveRoute(app, SUBSCRIPTION_ROUTES.list, async (request) => {
    const names = visible(request);
    return { subscriptions: runtime.org().subscriptions.filter((s) => !names || names.includes(s.metadata.name)) };
  });

  serveRoute(app, SUBSCRIPTION_ROUTES.secret, async (request) => {
    const { name } = request.params;
    ownSubscription(request, name);
    return { subscription: name, secret: await runtime.worker.secretOf(name) };
  });
}

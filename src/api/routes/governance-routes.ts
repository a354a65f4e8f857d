import type { FastifyInstance } from 'fastify';
import { TENSION_STATES, type Governance, type TensionState } from '../../governance/index.js';
import {
  DECISION_ROUTES,
  GOVERNANCE_ROUTES,
  PROPOSAL_ROUTES,
  REVIEW_ROUTES,
  TENSION_ROUTES,
} from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { serveRoute } from '../serve-route.js';

const reviewId = (id: string) => (id === 'current' ? undefined : id);

/** `open,scheduled` → the tension states it names, refusing any that is not one. */
function tensionStates(text: string): TensionState[] {
  const states: TensionState[] = [];
  for (const name of text.split(',').map((s) => s.trim())) {
    const state = TENSION_STATES.find((s) => s === name);
    if (!state)
      throw new InputError(
        `state "${name}" is not a tension state; use ${TENSION_STATES.join(', ')} (comma-separated).`,
        { field: 'state' },
      );
    states.push(state);
  }
  return states;
}

/**
 * Governance over HTTP: tensions, proposals, decisions, experiments, reviews and metrics. Every token reads;
 * who may act is decided by governance itself (decision rights, membership, the facilitator role) and refused
 * with 403 naming who may.
 */
export function governanceRoutes(governance: Governance) {
  return async function governancePlugin(app: FastifyInstance): Promise<void> {
    serveRoute(app, TENSION_ROUTES.list, async (request) => {
      const q = request.query;
      return {
        tensions: await governance.tensions.list({
          ...(q.state ? { states: tensionStates(q.state) } : {}),
          ...(q.type ? { type: q.type } : {}),
          ...(q.cell ? { cell: q.cell } : {}),
          limit: q.limit ?? 200,
        }),
      };
    });

    serveRoute(app, TENSION_ROUTES.raise, async (request, reply) => {
      reply.status(201);
      return governance.tensions.raise(request.principal, request.body);
    });

    serveRoute(app, TENSION_ROUTES.show, async (request) => governance.tensions.show(request.params.id));

    serveRoute(app, TENSION_ROUTES.comment, async (request, reply) => {
      reply.status(201);
      return governance.tensions.comment(request.principal, request.params.id, request.body.body);
    });

    serveRoute(app, TENSION_ROUTES.advise, async (request, reply) => {
      reply.status(201);
      return governance.tensions.advise(request.principal, request.params.id, request.body.body);
    });

    serveRoute(app, TENSION_ROUTES.rate, async (request) =>
      governance.tensions.rate(request.principal, request.params.id, request.body.ratings),
    );

    serveRoute(app, TENSION_ROUTES.changeState, async (request) =>
      governance.tensions.changeState(request.principal, request.params.id, request.body.state, request.body.reason),
    );

    serveRoute(app, TENSION_ROUTES.decide, async (request, reply) => {
      reply.status(201);
      return governance.decisions.decide(request.principal, request.params.id, request.body);
    });

    serveRoute(app, PROPOSAL_ROUTES.show, async (request) => governance.decisions.proposal(request.params.id));

    serveRoute(app, PROPOSAL_ROUTES.object, async (request, reply) => {
      reply.status(201);
      return governance.decisions.object(request.principal, request.params.id, request.body.reason);
    });

    serveRoute(app, PROPOSAL_ROUTES.vote, async (request, reply) => {
      reply.status(201);
      return governance.decisions.vote(request.principal, request.params.id, request.body.vote);
    });

    serveRoute(app, DECISION_ROUTES.list, async (request) => {
      const q = request.query;
      return {
        decisions: await governance.decisionLog({
          ...(q.tension ? { tensionId: q.tension.toUpperCase() } : {}),
          ...(q.review ? { reviewId: q.review.toUpperCase() } : {}),
        }),
      };
    });

    serveRoute(app, DECISION_ROUTES.experiments, async (request) => ({
      experiments: await governance.experiments(request.query),
    }));

    serveRoute(app, REVIEW_ROUTES.list, async () => ({ reviews: await governance.reviews.list() }));

    serveRoute(app, REVIEW_ROUTES.plan, async (request, reply) => {
      reply.status(201);
      return governance.reviews.plan(request.principal, request.body ?? {});
    });

    serveRoute(app, REVIEW_ROUTES.next, async () => governance.reviews.next());

    serveRoute(app, REVIEW_ROUTES.show, async (request) => {
      const id = reviewId(request.params.id);
      return id ? governance.reviews.get(id) : governance.reviews.requireCurrent();
    });

    serveRoute(app, REVIEW_ROUTES.reorder, async (request) =>
      governance.reviews.reorder(request.principal, reviewId(request.params.id), request.body.order),
    );

    serveRoute(app, REVIEW_ROUTES.start, async (request) =>
      governance.reviews.start(request.principal, reviewId(request.params.id)),
    );

    serveRoute(app, REVIEW_ROUTES.decideItem, async (request, reply) => {
      const { id, item } = request.params;
      reply.status(201);
      return governance.reviews.decide(request.principal, reviewId(id), item, request.body);
    });

    serveRoute(app, REVIEW_ROUTES.close, async (request) =>
      governance.reviews.close(request.principal, reviewId(request.params.id)),
    );

    serveRoute(app, REVIEW_ROUTES.minutes, async (request, reply) => {
      const minutes = await governance.reviews.minutes(reviewId(request.params.id));
      reply.type('text/markdown; charset=utf-8');
      return minutes;
    });

    serveRoute(app, GOVERNANCE_ROUTES.metrics, async (request) => {
      const q = request.query;
      return governance.metrics({
        ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
        ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
      });
    });
  };
}

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  RECOMMENDATION_KINDS,
  RECOMMENDATION_STATES,
  limitProcessMap,
  parseBucket,
  parseLiveLogQuery,
  parseTimeseriesQuery,
  MAX_TIMESERIES_BUCKETS,
  type Insights,
  type LiveLogQueryText,
  type TimeseriesQueryText,
  type RecommendationKind,
  type RecommendationState,
} from '../../insights/index.js';
import { requireAdmin } from '../auth.js';
import { ErrorResponse } from '../error-schema.js';

const tags = ['insights'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const LogQuery = {
  type: Type.Optional(
    Type.String({
      description:
        'exact types or prefixes ending in .*, comma-separated (default: all but Cello’s own records; workflow events stay)',
    }),
  ),
  from: Type.Optional(Type.String({ description: 'RFC 3339, or a duration back from now such as 7d' })),
  to: Type.Optional(Type.String({ description: 'RFC 3339, or a duration back from now' })),
  workflow: Type.Optional(
    Type.String({ description: 'keep cases with an event of this workflow (extension `workflow`)' }),
  ),
  template: Type.Optional(
    Type.String({ description: 'keep cases with an event of this template (`name` or `name@version`)' }),
  ),
  resource: Type.Optional(Type.String({ description: 'publisher (default) or data.<field>' })),
  cello: Type.Optional(Type.String({ description: 'true keeps Cello’s own records (tensions, reviews, deliveries…)' })),
};

/**
 * Insights over HTTP: the live process map, XES export, SLO compliance, anomalies, the health report and
 * recommendations. Every token reads; a recommendation is accepted or dismissed only by the cell it is addressed to.
 */
export function insightsRoutes(insights: Insights) {
  return async function insightsPlugin(app: FastifyInstance): Promise<void> {
    const logQuery = (request: FastifyRequest) => parseLiveLogQuery(request.query as LiveLogQueryText, insights.now());

    app.get(
      '/v1/insights/process-map',
      {
        schema: {
          summary:
            'The live process map: directly-follows graph with performance, variants, durations, rework, handovers, bottlenecks',
          tags,
          querystring: Type.Object({ ...LogQuery, top: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }),
          response: { 400: ErrorResponse },
        },
      },
      async (request) => {
        const map = await insights.processMap(logQuery(request));
        const top = (request.query as { top?: number }).top;
        return top === undefined ? map : limitProcessMap(map, top);
      },
    );

    app.get(
      '/v1/insights/export.xes',
      {
        schema: {
          summary: 'The live log as XES (IEEE 1849), streamed; `cello mine` reads it back',
          tags,
          querystring: Type.Object(LogQuery),
          response: { 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const query = logQuery(request);
        const body = new PassThrough();
        insights
          .exportXes(query, async (chunk) => {
            if (!body.write(chunk)) await once(body, 'drain');
          })
          .then(
            () => body.end(),
            (error: unknown) => body.destroy(error as Error),
          );
        return reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', 'attachment; filename="cello-live-log.xes"')
          .send(body);
      },
    );

    app.get(
      '/v1/insights/slos',
      { schema: { summary: "Each agreement SLO's compliance over its window, from the live log", tags } },
      async () => ({
        slos: await insights.slos.status(),
      }),
    );

    app.get(
      '/v1/insights/timeseries',
      {
        schema: {
          summary:
            'Throughput, latency and SLO compliance per hour, day or week (cello.timeseries/1), from one pass over the range',
          tags,
          querystring: Type.Object({
            bucket: Type.Optional(Type.String({ description: 'hour, day (default) or week; UTC, weeks start Monday' })),
            from: Type.Optional(
              Type.String({
                description:
                  'RFC 3339, or a duration back from now such as 7d (default: 48 hours, 30 days or 12 weeks of buckets)',
              }),
            ),
            to: Type.Optional(
              Type.String({
                description: 'RFC 3339, or a duration back from now (default: now, the current bucket last)',
              }),
            ),
            type: Type.Optional(
              Type.String({
                description:
                  'exact types or prefixes ending in .*, comma-separated: each gets its own throughput series',
              }),
            ),
            cello: Type.Optional(
              Type.String({
                description: 'true counts Cello’s own records (tensions, reviews, deliveries…) in the total',
              }),
            ),
          }),
          description: `At most ${MAX_TIMESERIES_BUCKETS} buckets; a longer range is refused with 400.`,
          response: { 400: ErrorResponse },
        },
      },
      async (request) =>
        insights.timeseries(parseTimeseriesQuery(request.query as TimeseriesQueryText, insights.now())),
    );

    app.post(
      '/v1/insights/check',
      {
        schema: {
          summary: 'Check SLOs now (breaches raise tensions) and refresh recommendations (admin)',
          tags,
          response: { 403: ErrorResponse },
        },
      },
      async (request) => {
        requireAdmin(request, 'run the insights check by hand (it runs on a timer)');
        return insights.tick();
      },
    );

    app.get(
      '/v1/insights/anomalies',
      {
        schema: {
          summary:
            'Volume and latency anomalies per event type and cell (median/MAD baseline), late escalations, stalled cases',
          tags,
          querystring: Type.Object({
            bucket: Type.Optional(Type.String({ description: 'hour (default) or day' })),
            buckets: Type.Optional(
              Type.Integer({ minimum: 2, maximum: 10_000, description: 'complete buckets read; the last is judged' }),
            ),
          }),
          response: { 400: ErrorResponse },
        },
      },
      async (request) => {
        const q = request.query as { bucket?: string; buckets?: number };
        const bucket = parseBucket(q.bucket, 'hour');
        return insights.anomalies({
          bucket,
          ...(q.buckets ? { buckets: q.buckets } : bucket === 'day' ? { buckets: 28, minBaseline: 7 } : {}),
        });
      },
    );

    app.get(
      '/v1/insights/health',
      {
        schema: {
          summary: 'Orchestration health: teams, boundaries, conflicts, with a weekly trend',
          tags,
          querystring: Type.Object({ weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104 })) }),
        },
      },
      async (request) => {
        const { weeks } = request.query as { weeks?: number };
        return insights.health(weeks ? { weeks } : {});
      },
    );

    app.get(
      '/v1/insights/recommendations',
      {
        schema: {
          summary: 'Recommendations, oldest first (every token reads; filter by cell, state, kind)',
          tags,
          querystring: Type.Object({
            cell: Type.Optional(Type.String()),
            state: Type.Optional(Type.Union(RECOMMENDATION_STATES.map((s) => Type.Literal(s)))),
            kind: Type.Optional(Type.Union(RECOMMENDATION_KINDS.map((k) => Type.Literal(k)))),
          }),
        },
      },
      async (request) => {
        const q = request.query as { cell?: string; state?: RecommendationState; kind?: RecommendationKind };
        return {
          recommendations: await insights.recommendations.list({
            ...(q.cell ? { cell: q.cell.replace(/^cell:/, '') } : {}),
            ...(q.state ? { state: q.state } : {}),
            ...(q.kind ? { kind: q.kind } : {}),
          }),
        };
      },
    );

    app.get(
      '/v1/insights/recommendations/stats',
      { schema: { summary: 'Acceptance rates, overall, per kind and per cell', tags } },
      async () => insights.recommendations.stats(),
    );

    app.get(
      '/v1/insights/recommendations/:id',
      { schema: { summary: 'One recommendation', tags, params: Id, response: { 404: ErrorResponse } } },
      async (request) => insights.recommendations.get((request.params as { id: string }).id),
    );

    app.post(
      '/v1/insights/recommendations/:id/accept',
      {
        schema: {
          summary: 'Accept (the owning cell only): starts an experiment with the move and metric',
          tags,
          params: Id,
          body: Type.Optional(
            Type.Object(
              {
                move: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
                metric: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
                reviewDate: Type.Optional(
                  Type.String({ description: 'YYYY-MM-DD, or a duration from now such as 2w' }),
                ),
              },
              { additionalProperties: false },
            ),
          ),
          response: Errors,
        },
      },
      async (request) =>
        insights.recommendations.accept(
          request.principal,
          (request.params as { id: string }).id,
          (request.body as object | undefined) ?? {},
        ),
    );

    app.post(
      '/v1/insights/recommendations/:id/dismiss',
      {
        schema: {
          summary: 'Dismiss with a reason (the owning cell only)',
          tags,
          params: Id,
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
          response: Errors,
        },
      },
      async (request) =>
        insights.recommendations.dismiss(
          request.principal,
          (request.params as { id: string }).id,
          (request.body as { reason: string }).reason,
        ),
    );
  };
}

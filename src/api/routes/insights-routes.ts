import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  limitProcessMap,
  parseBucket,
  parseLiveLogQuery,
  parseTimeseriesQuery,
  type Insights,
} from '../../insights/index.js';
import { INSIGHT_ROUTES, RECOMMENDATION_ROUTES } from '../../model/index.js';
import { requireAdmin } from '../auth.js';
import { serveRoute } from '../serve-route.js';

/**
 * Insights over HTTP: the live process map, XES export, SLO compliance, anomalies, the health report and
 * recommendations. Every token reads; a recommendation is accepted or dismissed only by the cell it is addressed to.
 */
export function insightsRoutes(insights: Insights) {
  return async function insightsPlugin(app: FastifyInstance): Promise<void> {
    serveRoute(app, INSIGHT_ROUTES.processMap, async (request) => {
      const { top, ...query } = request.query;
      const map = await insights.processMap(parseLiveLogQuery(query, insights.now()));
      return top === undefined ? map : limitProcessMap(map, top);
    });

    serveRoute(app, INSIGHT_ROUTES.exportXes, async (request, reply) => {
      const query = parseLiveLogQuery(request.query, insights.now());
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
    });

    serveRoute(app, INSIGHT_ROUTES.slos, async () => ({ slos: await insights.slos.status() }));

    serveRoute(app, INSIGHT_ROUTES.timeseries, async (request) =>
      insights.timeseries(parseTimeseriesQuery(request.query, insights.now())),
    );

    serveRoute(app, INSIGHT_ROUTES.check, async (request) => {
      requireAdmin(request, 'run the insights check by hand (it runs on a timer)');
      return insights.tick();
    });

    serveRoute(app, INSIGHT_ROUTES.anomalies, async (request) => {
      const q = request.query;
      const bucket = parseBucket(q.bucket, 'hour');
      return insights.anomalies({
        bucket,
        ...(q.buckets ? { buckets: q.buckets } : bucket === 'day' ? { buckets: 28, minBaseline: 7 } : {}),
      });
    });

    serveRoute(app, INSIGHT_ROUTES.health, async (request) => {
      const { weeks } = request.query;
      return insights.health(weeks ? { weeks } : {});
    });

    serveRoute(app, RECOMMENDATION_ROUTES.list, async (request) => {
      const q = request.query;
      return {
        recommendations: await insights.recommendations.list({
          ...(q.cell ? { cell: q.cell.replace(/^cell:/, '') } : {}),
          ...(q.state ? { state: q.state } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
        }),
      };
    });

    serveRoute(app, RECOMMENDATION_ROUTES.stats, async () => insights.recommendations.stats());

    serveRoute(app, RECOMMENDATION_ROUTES.show, async (request) => insights.recommendations.get(request.params.id));

    serveRoute(app, RECOMMENDATION_ROUTES.accept, async (request) =>
      insights.recommendations.accept(request.principal, request.params.id, request.body ?? {}),
    );

    serveRoute(app, RECOMMENDATION_ROUTES.dismiss, async (request) =>
      insights.recommendations.dismiss(request.principal, request.params.id, request.body.reason),
    );
  };
}

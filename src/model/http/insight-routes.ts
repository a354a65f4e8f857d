/**
 * Insights over HTTP: the live process map, XES export, SLO compliance, time series, anomalies and the health
 * report. Every token reads; the check runs on a timer, and by hand for the admin.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AnomalyReport } from './anomaly-report-schema.js';
import { ErrorResponse } from './error-response.js';
import { HealthReport } from './health-report-schema.js';
import { ProcessMap } from './process-map-schema.js';
import { RefreshResult } from './recommendation-schemas.js';
import { defineRoute } from './route-definition.js';
import { SloStatus, Timeseries } from './slo-schemas.js';

const tags = ['insights'];

/** What one check did: the SLOs as measured (with the tensions breaches raised) and the recommendation refresh. */
export const InsightsTick = Type.Object({ slos: Type.Array(SloStatus), recommendations: RefreshResult });
export type InsightsTick = Static<typeof InsightsTick>;

/** The most buckets one time series holds: enough for 16 days of hours, a year of days, or 7 years of weeks. */
export const MAX_TIMESERIES_BUCKETS = 400;

/** How the live log is selected: the query of the process map and the XES export. */
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

export const INSIGHT_ROUTES = {
  processMap: defineRoute({
    method: 'GET',
    url: '/v1/insights/process-map',
    summary:
      'The live process map: directly-follows graph with performance, variants, durations, rework, handovers, bottlenecks',
    tags,
    querystring: Type.Object({ ...LogQuery, top: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }),
    response: { 200: ProcessMap, 400: ErrorResponse },
  }),
  exportXes: defineRoute({
    method: 'GET',
    url: '/v1/insights/export.xes',
    summary: 'The live log as XES (IEEE 1849), streamed; `cello mine` reads it back',
    tags,
    querystring: Type.Object(LogQuery),
    produces: ['application/xml'],
    response: { 200: Type.String({ description: 'an XES document' }), 400: ErrorResponse },
  }),
  slos: defineRoute({
    method: 'GET',
    url: '/v1/insights/slos',
    summary: "Each agreement SLO's compliance over its window, from the live log",
    tags,
    response: { 200: Type.Object({ slos: Type.Array(SloStatus) }) },
  }),
  timeseries: defineRoute({
    method: 'GET',
    url: '/v1/insights/timeseries',
    summary:
      'Throughput, latency and SLO compliance per hour, day or week (cello.timeseries/1), from one pass over the range',
    description: `At most ${MAX_TIMESERIES_BUCKETS} buckets; a longer range is refused with 400.`,
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
        Type.String({ description: 'RFC 3339, or a duration back from now (default: now, the current bucket last)' }),
      ),
      type: Type.Optional(
        Type.String({
          description: 'exact types or prefixes ending in .*, comma-separated: each gets its own throughput series',
        }),
      ),
      cello: Type.Optional(
        Type.String({ description: 'true counts Cello’s own records (tensions, reviews, deliveries…) in the total' }),
      ),
    }),
    response: { 200: Timeseries, 400: ErrorResponse },
  }),
  check: defineRoute({
    method: 'POST',
    url: '/v1/insights/check',
    summary: 'Check SLOs now (breaches raise tensions) and refresh recommendations (admin)',
    tags,
    response: {
      200: InsightsTick,
      403: ErrorResponse,
    },
  }),
  anomalies: defineRoute({
    method: 'GET',
    url: '/v1/insights/anomalies',
    summary:
      'Volume and latency anomalies per event type and cell (median/MAD baseline), late escalations, stalled cases',
    tags,
    querystring: Type.Object({
      bucket: Type.Optional(Type.String({ description: 'hour (default) or day' })),
      buckets: Type.Optional(
        Type.Integer({ minimum: 2, maximum: 10_000, description: 'complete buckets read; the last is judged' }),
      ),
    }),
    response: { 200: AnomalyReport, 400: ErrorResponse },
  }),
  health: defineRoute({
    method: 'GET',
    url: '/v1/insights/health',
    summary: 'Orchestration health: teams, boundaries, conflicts, with a weekly trend',
    tags,
    querystring: Type.Object({ weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104 })) }),
    response: { 200: HealthReport },
  }),
};

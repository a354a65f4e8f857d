/** The shapes of insights' SLO API (`GET /v1/insights/slos`, `GET /v1/insights/timeseries`). */
import { Type, type Static } from '@sinclair/typebox';

export const SLO_STATES = ['met', 'breached', 'insufficient-data', 'no-data'] as const;
/** `breached`: compliance below the objective over enough requests; `insufficient-data`: too few to judge. */
export type SloState = (typeof SLO_STATES)[number];

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

const measured = {
  counted: Type.Integer({ description: 'requests in the window whose outcome is known (met + missed)' }),
  met: Type.Integer(),
  missed: Type.Integer(),
  pending: Type.Integer({ description: 'unanswered requests whose deadline has not passed: not counted either way' }),
  compliance: Type.Union([Type.Number(), Type.Null()], {
    description: 'met / counted, rounded to 4 decimals; null when nothing was counted',
  }),
  latency: Type.Object(
    { medianMs: nullableNumber, p90Ms: nullableNumber, answered: Type.Integer() },
    { description: 'time to answer, over answered requests in the window' },
  ),
};

/** What one SLO looks like over a stretch of time (its window, or one bucket of a time series). */
export const SloMeasurement = Type.Object({
  ...measured,
  unmatchedResponses: Type.Integer({ description: 'responses that found no open request with their key (ignored)' }),
  missedSeqs: Type.Array(Type.Integer(), {
    description: 'seqs of the first missed requests, oldest first (at most 10)',
  }),
  firstMissAtMs: Type.Union([Type.Number(), Type.Null()], {
    description: 'the earliest deadline a missed request passed: when the gap first showed',
  }),
});
export type SloMeasurement = Static<typeof SloMeasurement>;

/** One SLO of one agreement, measured over its window from the live log. */
export const SloStatus = Type.Object({
  ...SloMeasurement.properties,
  agreement: Type.String(),
  provider: Type.String(),
  consumer: Type.String(),
  mode: Type.String(),
  slo: Type.String(),
  objective: Type.Number(),
  request: Type.String(),
  response: Type.String(),
  within: Type.String(),
  window: Type.String(),
  correlateBy: Type.String({ description: '`subject`, or the extension that correlates a response with its request' }),
  windowStart: Type.String(),
  windowEnd: Type.String(),
  uncorrelated: Type.Integer({ description: 'requests or responses without a correlation key (ignored)' }),
  state: Type.Union(SLO_STATES.map((s) => Type.Literal(s))),
  tension: Type.Optional(Type.String({ description: 'the tension a breach raised, when one was raised here' })),
});
export type SloStatus = Static<typeof SloStatus>;

export const BUCKETS = ['hour', 'day', 'week'] as const;
/** Buckets are UTC: hours, days, and ISO weeks starting Monday 00:00 UTC. */
export type Bucket = (typeof BUCKETS)[number];
export const Bucket = Type.Union(BUCKETS.map((b) => Type.Literal(b)));

/** One bucket of a time series. */
export const TimeseriesBucket = Type.Object({
  start: Type.String({ description: 'RFC 3339, inclusive' }),
  end: Type.String({ description: 'RFC 3339, exclusive' }),
  partial: Type.Boolean({ description: 'the bucket ends after now: still filling, its requests may be pending' }),
});
export type TimeseriesBucket = Static<typeof TimeseriesBucket>;

/** An agreement SLO in one bucket: the requests made in the bucket, judged as of now. */
export const SloPoint = Type.Object(measured);
export type SloPoint = Static<typeof SloPoint>;

/** One agreement SLO bucket by bucket; `points[i]` belongs to `buckets[i]`. */
export const SloSeries = Type.Object({
  agreement: Type.String(),
  provider: Type.String(),
  consumer: Type.String(),
  slo: Type.String(),
  objective: Type.Number(),
  request: Type.String(),
  response: Type.String(),
  within: Type.String(),
  correlateBy: Type.String(),
  uncorrelated: Type.Integer({ description: 'requests and responses in the range without a correlation key' }),
  points: Type.Array(SloPoint),
});
export type SloSeries = Static<typeof SloSeries>;

/** `GET /v1/insights/timeseries` (`cello.timeseries/1`): throughput, latency and SLO compliance per bucket. */
export const Timeseries = Type.Object({
  schema: Type.Literal('cello.timeseries/1'),
  generatedAt: Type.String(),
  bucket: Bucket,
  from: Type.String({ description: 'start of the first bucket' }),
  to: Type.String({ description: 'end of the last bucket (exclusive)' }),
  buckets: Type.Array(TimeseriesBucket),
  events: Type.Object(
    {
      total: Type.Array(Type.Integer()),
      byType: Type.Array(Type.Object({ type: Type.String(), counts: Type.Array(Type.Integer()) })),
    },
    { description: 'events per bucket (by their time): all of them, and per requested type or prefix' },
  ),
  slos: Type.Array(SloSeries),
});
export type Timeseries = Static<typeof Timeseries>;

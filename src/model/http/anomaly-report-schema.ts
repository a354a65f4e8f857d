/** The anomaly report (`GET /v1/insights/anomalies`, `cello.anomalies/1`). */
import { Type, type Static } from '@sinclair/typebox';
import { Bucket } from './slo-schemas.js';

/** A volume or latency figure of the last complete bucket that lies far from its baseline. */
export const Anomaly = Type.Object({
  metric: Type.Union([Type.Literal('volume'), Type.Literal('latency')]),
  scope: Type.Union([Type.Literal('type'), Type.Literal('cell')], {
    description: 'per event type, or per cell (the publisher, else the cell that offers the type)',
  }),
  key: Type.String(),
  bucket: Bucket,
  bucketStart: Type.String({ description: 'start of the bucket judged (ISO 8601 UTC)' }),
  value: Type.Number({ description: 'events in the bucket (volume), or the median wait before them in ms (latency)' }),
  baselineMedian: Type.Number(),
  baselineMad: Type.Number(),
  z: Type.Number({ description: 'robust z-score: (value − baseline median) / robust scale' }),
  direction: Type.Union([Type.Literal('high'), Type.Literal('low')]),
  baselineBuckets: Type.Integer({ description: 'how many buckets the baseline held' }),
});
export type Anomaly = Static<typeof Anomaly>;

/** A tension raised long after the first signal of its gap. */
export const LateEscalation = Type.Object({
  tension: Type.String(),
  title: Type.String(),
  type: Type.String(),
  cells: Type.Array(Type.String()),
  observedAt: Type.String(),
  raisedAt: Type.String(),
  surfacedAfterMs: Type.Number({ description: 'raisedAt − observedAt' }),
});
export type LateEscalation = Static<typeof LateEscalation>;

/** How long gaps took to surface as tensions, and which took longer than `lateAfterMs`. */
export const LateEscalations = Type.Object({
  lateAfterMs: Type.Number(),
  raised: Type.Integer({ description: 'tensions considered (raised from the start of the range on)' }),
  medianSurfaceMs: Type.Union([Type.Number(), Type.Null()]),
  p90SurfaceMs: Type.Union([Type.Number(), Type.Null()]),
  late: Type.Array(LateEscalation),
});
export type LateEscalations = Static<typeof LateEscalations>;

/** An open case whose last event is older than the usual gap after its last activity. */
export const StalledCase = Type.Object({
  case: Type.String(),
  lastActivity: Type.String(),
  lastEventAt: Type.String(),
  idleMs: Type.Number({ description: 'time since its last event' }),
  p90GapMs: Type.Number({ description: 'the 90th percentile of the gaps after its last activity, over every case' }),
  gapSamples: Type.Integer({ description: 'how many gaps that percentile rests on' }),
  expectedNext: Type.Union([Type.String(), Type.Null()], { description: 'the activity that most often follows' }),
  waitingOn: Type.Union([Type.String(), Type.Null()], { description: 'the cell that owns it: whom the case waits on' }),
});
export type StalledCase = Static<typeof StalledCase>;

export const AnomalyReport = Type.Object({
  schema: Type.Literal('cello.anomalies/1'),
  generatedAt: Type.String(),
  bucket: Bucket,
  from: Type.String({ description: 'the range read: complete buckets, then the current one' }),
  judgedBucketStart: Type.String(),
  anomalies: Type.Array(Anomaly),
  lateEscalations: LateEscalations,
  stalledCases: Type.Object({ total: Type.Integer(), cases: Type.Array(StalledCase) }),
});
export type AnomalyReport = Static<typeof AnomalyReport>;

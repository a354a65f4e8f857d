/**
 * The figures process mining computes (`cello mine --json`, and the live process map of `GET
 * /v1/insights/process-map`); src/insights/mining/ARCHITECTURE.md states their invariants.
 */
import { Type, type Static } from '@sinclair/typebox';

const ms = Type.Union([Type.Number(), Type.Null()]);

export const LIFECYCLE_VIEWS = ['all', 'complete'] as const;
/** Which events count: all, or only those whose lifecycle transition is `complete` (case-insensitive). */
export type LifecycleView = (typeof LIFECYCLE_VIEWS)[number];

export const ACTIVITY_CLASSIFIERS = ['name', 'name+lifecycle'] as const;
/** What an activity is: the event's name, or name and lifecycle transition joined by `+` (as PM4Py does: `A+complete`). */
export type ActivityClassifier = (typeof ACTIVITY_CLASSIFIERS)[number];

/** Mean, median, minimum and maximum of a set of durations, in milliseconds; `null` when there are none. */
export const DurationSummary = Type.Object({ meanMs: ms, medianMs: ms, minMs: ms, maxMs: ms });
export type DurationSummary = Static<typeof DurationSummary>;

export const MiningSummary = Type.Object({
  cases: Type.Integer(),
  events: Type.Integer(),
  activities: Type.Integer(),
  variants: Type.Integer(),
  resources: Type.Integer(),
  firstEventAt: Type.Union([Type.String(), Type.Null()], {
    description: 'ISO 8601 UTC instant of the first event; null for an empty log',
  }),
  lastEventAt: Type.Union([Type.String(), Type.Null()]),
});
export type MiningSummary = Static<typeof MiningSummary>;

export const ActivityFrequency = Type.Object({
  activity: Type.String(),
  events: Type.Integer({ description: 'events of this activity' }),
  cases: Type.Integer({ description: 'cases with at least one such event' }),
});
export type ActivityFrequency = Static<typeof ActivityFrequency>;

export const ActivityCount = Type.Object({
  activity: Type.String(),
  count: Type.Integer({ description: 'cases that start (or end) with it' }),
});
export type ActivityCount = Static<typeof ActivityCount>;

export const Variant = Type.Object({
  activities: Type.Array(Type.String()),
  count: Type.Integer({ description: 'cases that follow exactly this sequence' }),
  share: Type.Number({ description: 'count / cases' }),
});
export type Variant = Static<typeof Variant>;

/** Time from an event to the next event of the same case. */
export type EdgePerformance = DurationSummary;

export const DirectlyFollowsEdge = Type.Object({
  from: Type.String(),
  to: Type.String(),
  frequency: Type.Integer({ description: 'how often `to` directly follows `from` within a case' }),
  performance: DurationSummary,
});
export type DirectlyFollowsEdge = Static<typeof DirectlyFollowsEdge>;

export const CaseDurations = Type.Object({
  ...DurationSummary.properties,
  count: Type.Integer({ description: 'cases measured (all cases)' }),
  p90Ms: Type.Union([Type.Number(), Type.Null()], {
    description: '90th percentile, linear interpolation between closest ranks',
  }),
});
export type CaseDurations = Static<typeof CaseDurations>;

export const ReworkActivity = Type.Object({
  activity: Type.String(),
  cases: Type.Integer({ description: 'cases in which it occurs more than once' }),
  share: Type.Number(),
});
export type ReworkActivity = Static<typeof ReworkActivity>;

export const Rework = Type.Object({
  cases: Type.Integer({ description: 'cases in which some activity occurs more than once' }),
  share: Type.Number(),
  activities: Type.Array(ReworkActivity),
});
export type Rework = Static<typeof Rework>;

export const Handover = Type.Object({
  from: Type.String({ description: 'resource of an event' }),
  to: Type.String({ description: 'different resource of the next event in the same case' }),
  count: Type.Integer(),
});
export type Handover = Static<typeof Handover>;

export const Bottleneck = Type.Object({
  from: Type.String(),
  to: Type.String(),
  frequency: Type.Integer(),
  medianMs: Type.Number(),
  meanMs: Type.Number(),
  weightedWaitMs: Type.Number({ description: 'medianMs × frequency: the waiting this edge accounts for' }),
});
export type Bottleneck = Static<typeof Bottleneck>;

/** The figures of a mined log, without the header that says where they came from. */
export const minedFigures = {
  summary: MiningSummary,
  activities: Type.Array(ActivityFrequency),
  startActivities: Type.Array(ActivityCount),
  endActivities: Type.Array(ActivityCount),
  variants: Type.Array(Variant),
  directlyFollows: Type.Array(DirectlyFollowsEdge),
  caseDurations: CaseDurations,
  rework: Rework,
  handovers: Type.Array(Handover),
  bottlenecks: Type.Array(Bottleneck),
};

/** Where a mined log came from, what an activity is, and what its reader skipped or merged. */
export const MinedLog = Type.Object({
  format: Type.Union([Type.Literal('xes'), Type.Literal('csv'), Type.Literal('events')]),
  file: Type.Optional(Type.String({ description: 'the file it was read from, when it was read from one' })),
  activityKey: Type.String({ description: 'an attribute key (`concept:name`) or the declared classifier used' }),
  warnings: Type.Array(Type.String()),
});
export type MinedLog = Static<typeof MinedLog>;

export const MiningOptionsUsed = Type.Object({
  lifecycle: Type.Union(LIFECYCLE_VIEWS.map((v) => Type.Literal(v))),
  classifier: Type.Union(ACTIVITY_CLASSIFIERS.map((c) => Type.Literal(c))),
});

/** The JSON shape `mineLog` returns and `cello mine --json` prints. */
export const MiningResult = Type.Object({
  schema: Type.Literal('cello.mining/1'),
  log: MinedLog,
  options: MiningOptionsUsed,
  ...minedFigures,
});
export type MiningResult = Static<typeof MiningResult>;

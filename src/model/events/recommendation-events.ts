import { Type } from '@sinclair/typebox';
import { RECOMMENDATION_KINDS, Evidence } from '../http/index.js';
import { defineEvent } from './event-definition.js';
import { INSIGHTS_SOURCE } from './event-sources.js';

export const RecommendationMade = 'dev.cello.recommendation.made';
export const RecommendationUpdated = 'dev.cello.recommendation.updated';
export const RecommendationAccepted = 'dev.cello.recommendation.accepted';
export const RecommendationDismissed = 'dev.cello.recommendation.dismissed';
export const RecommendationWithdrawn = 'dev.cello.recommendation.withdrawn';

/** Every recommendation event's type starts with this. */
export const RECOMMENDATION_EVENT_PREFIX = 'dev.cello.recommendation.';

const SUBJECT = 'the recommendation id (R-n); the `cell` extension names the cell it is addressed to';

/** What every recommendation event's data starts with. */
const About = {
  recommendation: Type.String(),
  cell: Type.String({ description: 'the cell it is addressed to, without cell:' }),
};

const Impact = Type.Object({
  metric: Type.String(),
  current: Type.Union([Type.Number(), Type.Null()]),
  expected: Type.Union([Type.Number(), Type.Null()]),
  change: Type.Union([Type.Number(), Type.Null()]),
  text: Type.String(),
});

/** Recommendation events: findings from the log, addressed to the owning cell, which accepts or dismisses them. */
export const RECOMMENDATION_EVENTS = {
  [RecommendationMade]: defineEvent({
    description:
      'Insights found something worth trying and addressed it to the owning cell (again, after a withdrawal).',
    source: INSIGHTS_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      ...About,
      kind: Type.Union(RECOMMENDATION_KINDS.map((k) => Type.Literal(k))),
      title: Type.String(),
      summary: Type.String(),
      move: Type.String(),
      metric: Type.String(),
      impact: Impact,
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      sampleSize: Type.Number(),
      evidence: Type.Array(Evidence),
      again: Type.Optional(Type.Literal(true)),
    }),
  }),
  [RecommendationUpdated]: defineEvent({
    description: "An open recommendation's title or confidence changed notably.",
    source: INSIGHTS_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      ...About,
      title: Type.String(),
      confidence: Type.Number(),
      sampleSize: Type.Number(),
      impact: Impact,
    }),
  }),
  [RecommendationAccepted]: defineEvent({
    description: 'The owning cell accepted the recommendation; an experiment started.',
    source: INSIGHTS_SOURCE,
    subject: SUBJECT,
    data: Type.Object({
      ...About,
      by: Type.String(),
      move: Type.String(),
      metric: Type.String(),
      experiment: Type.Union([Type.String(), Type.Null()]),
      tension: Type.Optional(Type.String()),
    }),
  }),
  [RecommendationDismissed]: defineEvent({
    description: 'The owning cell dismissed the recommendation, saying why.',
    source: INSIGHTS_SOURCE,
    subject: SUBJECT,
    data: Type.Object({ ...About, by: Type.String(), reason: Type.String() }),
  }),
  [RecommendationWithdrawn]: defineEvent({
    description: 'The evidence behind an open recommendation went away before the cell decided.',
    source: INSIGHTS_SOURCE,
    subject: SUBJECT,
    data: Type.Object({ ...About, reason: Type.String() }),
  }),
};

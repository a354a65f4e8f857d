/**
 * The shapes governance's tension API returns (`GET /v1/tensions`): schemas whose static types src/governance
 * builds and the CLI and the dashboard read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Evidence, Severity, TensionState } from './tension-vocabulary.js';

/** Who raised it: a person (through a cell or admin token) or a detector (Cello itself). */
export const TensionOrigin = Type.Union([Type.Literal('person'), Type.Literal('detector')]);
export type TensionOrigin = Static<typeof TensionOrigin>;

/** A gap between what is and what could be, as governance tracks it. */
export const Tension = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  type: Type.String(),
  cells: Type.Array(Type.String(), { description: 'names of the involved cells (without `cell:`)' }),
  severity: Severity,
  state: TensionState,
  observedAt: Type.String({ description: 'when the gap was first seen; raisedAt − observedAt is the time to surface' }),
  raisedAt: Type.String(),
  updatedAt: Type.String(),
  raisedBy: Type.String(),
  raiserCell: Type.Optional(Type.String()),
  origin: TensionOrigin,
  detector: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  occurrences: Type.Integer({ description: 'how often a detector saw it (1 for a tension a person raised)' }),
  lastOccurredAt: Type.String(),
  evidence: Type.Array(Evidence),
  ratings: Type.Record(Type.String(), Type.Number(), { description: 'criterion name → rating from 0 to 5' }),
  ratedBy: Type.Optional(Type.String()),
  reopened: Type.Integer(),
  escalations: Type.Integer(),
  escalatedTo: Type.Optional(Type.String()),
  reviewId: Type.Optional(Type.String({ description: 'the review whose agenda it is on, while scheduled' })),
  decidedAt: Type.Optional(Type.String()),
  resolvedAt: Type.Optional(Type.String()),
  closedReason: Type.Optional(Type.String({ description: 'why it was dropped or resolved' })),
});
export type Tension = Static<typeof Tension>;

/** A comment or a piece of advice on a tension. */
export const TensionNote = Type.Object({
  id: Type.String(),
  tensionId: Type.String(),
  kind: Type.Union([Type.Literal('comment'), Type.Literal('advice')]),
  author: Type.String(),
  authorCell: Type.Optional(Type.String()),
  body: Type.String(),
  createdAt: Type.String(),
});
export type TensionNote = Static<typeof TensionNote>;

/** One line of a score: criterion × weight. */
export const ScorePart = Type.Object({
  criterion: Type.String(),
  rating: Type.Optional(Type.Number({ description: 'absent while nobody rated this criterion (it counts 0)' })),
  weight: Type.Number(),
  points: Type.Number(),
});
export type ScorePart = Static<typeof ScorePart>;

/** A score that explains itself. */
export const Score = Type.Object({
  total: Type.Number(),
  max: Type.Number(),
  share: Type.Number({ description: 'total / max, 0 when the organization has no criteria' }),
  parts: Type.Array(ScorePart),
  explanation: Type.String({ description: '`impact 4 × 3 = 12 + urgency 2 × 2 = 4 → 16 of 25`' }),
  unrated: Type.Array(Type.String(), { description: 'criteria nobody rated yet' }),
});
export type Score = Static<typeof Score>;

/** A tension's priority with each part shown. */
export const Priority = Type.Object({
  total: Type.Number(),
  parts: Type.Object({ score: Type.Number(), severity: Type.Number(), age: Type.Number(), lateness: Type.Number() }),
  ageDays: Type.Number(),
  latenessDays: Type.Number(),
  explanation: Type.String({
    description: '`score 16/25 → 32 + severity high → 10 + waited 3d → 2.1 + raised 10d late → 5.4 = 49.5`',
  }),
});
export type Priority = Static<typeof Priority>;

/** Where a tension goes to be decided, from the DecisionRight of its type. */
export const RoutedTo = Type.Object({
  routed: Type.Literal(true),
  right: Type.String({ description: "the DecisionRight's name" }),
  tensionType: Type.String(),
  deciderCell: Type.String(),
  deciderRole: Type.Optional(
    Type.String({ description: 'only members with this role decide; absent means any member of the cell' }),
  ),
  method: Type.Union([Type.Literal('owner'), Type.Literal('advice'), Type.Literal('consent'), Type.Literal('vote')]),
  forum: Type.Union([Type.Literal('review'), Type.Literal('async')]),
  criteria: Type.Array(Type.String()),
  asyncTimeout: Type.String(),
  asyncTimeoutMs: Type.Number(),
  advisors: Type.Array(Type.String(), { description: 'cells whose advice or objection counts besides the involved' }),
  holders: Type.Array(Type.String(), { description: 'members who hold the right, for messages' }),
  who: Type.String({ description: '`members of cell:payments with the lead role (Ana)`' }),
});
export type RoutedTo = Static<typeof RoutedTo>;

/** A tension whose type no DecisionRight covers: flagged, and only escalated or dropped in a review. */
export const Unrouted = Type.Object({
  routed: Type.Literal(false),
  tensionType: Type.String(),
  reason: Type.String(),
});
export type Unrouted = Static<typeof Unrouted>;

export const Route = Type.Union([RoutedTo, Unrouted]);
export type Route = Static<typeof Route>;

/** A tension as lists return it: with its route, score and priority. */
export const TensionView = Type.Object({ tension: Tension, route: Route, score: Score, priority: Priority });
export type TensionView = Static<typeof TensionView>;

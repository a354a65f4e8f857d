/** The shapes of governance's review API (`GET /v1/reviews…`). */
import { Type, type Static } from '@sinclair/typebox';
import { Priority, Route, Score, TensionNote } from './tension-schemas.js';
import { Evidence, Severity, TensionState } from './tension-vocabulary.js';

export const REVIEW_STATES = ['planned', 'running', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Why an item is on the agenda: an open tension, or something whose review date has come (raised as a tension). */
export const AgendaItemKind = Type.Union([
  Type.Literal('tension'),
  Type.Literal('agreement'),
  Type.Literal('experiment'),
  Type.Literal('decision'),
]);
export type AgendaItemKind = Static<typeof AgendaItemKind>;

/** What the review did with an item. */
export const AgendaItemStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('decided'),
  Type.Literal('proposed'),
  Type.Literal('objected'),
  Type.Literal('rejected'),
]);
export type AgendaItemStatus = Static<typeof AgendaItemStatus>;

/** What the facilitator and the decider look at before deciding. */
export const EvidencePacket = Type.Object({
  evidence: Type.Array(Evidence),
  occurrences: Type.Integer(),
  observedAt: Type.String(),
  raisedAt: Type.String(),
  raisedBy: Type.String(),
  comments: Type.Integer(),
  notes: Type.Array(TensionNote, { description: 'the latest few comments and advice' }),
  agreements: Type.Array(
    Type.Object({
      name: Type.String(),
      provider: Type.String(),
      consumer: Type.String(),
      reviewDate: Type.Optional(Type.String()),
    }),
    { description: 'agreements between the involved cells' },
  ),
  decisions: Type.Array(Type.String(), { description: 'earlier decisions on this tension' }),
});
export type EvidencePacket = Static<typeof EvidencePacket>;

export const AgendaItem = Type.Object({
  tensionId: Type.String(),
  kind: AgendaItemKind,
  title: Type.String(),
  type: Type.String(),
  cells: Type.Array(Type.String()),
  severity: Severity,
  tensionState: TensionState,
  score: Score,
  priority: Priority,
  route: Route,
  evidence: EvidencePacket,
  status: AgendaItemStatus,
  decisionId: Type.Optional(Type.String()),
  proposalId: Type.Optional(Type.String()),
});
export type AgendaItem = Static<typeof AgendaItem>;

/** A tension review: planned from the cadence, run by a facilitator, closed with or without decisions. */
export const Review = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  cell: Type.String(),
  scope: Type.Optional(
    Type.Array(Type.String(), { description: 'cells it covers; absent for the whole organization' }),
  ),
  state: Type.Union(REVIEW_STATES.map((s) => Type.Literal(s))),
  scheduledFor: Type.String(),
  plannedAt: Type.String(),
  plannedBy: Type.String(),
  startedAt: Type.Optional(Type.String()),
  startedBy: Type.Optional(Type.String()),
  closedAt: Type.Optional(Type.String()),
  closedBy: Type.Optional(Type.String()),
  agenda: Type.Array(AgendaItem),
  reordered: Type.Boolean(),
  items: Type.Integer(),
  decided: Type.Integer(),
  noDecision: Type.Boolean({ description: 'closed with items on the agenda and not one decision' }),
});
export type Review = Static<typeof Review>;

/** When the next review falls on the organization's cadence (`GET /v1/reviews/next`); empty without an organization. */
export const NextReview = Type.Object({
  at: Type.Optional(Type.String()),
  cadence: Type.Optional(Type.String()),
  timezone: Type.Optional(Type.String()),
});
export type NextReview = Static<typeof NextReview>;

/** The shapes of governance's proposals, decisions and experiments, as its API returns them. */
import { Type, type Static } from '@sinclair/typebox';
import { OUTCOMES, OutcomeInput } from './outcome-input.js';
import { Tension } from './tension-schemas.js';
import { Evidence } from './tension-vocabulary.js';

export const PROPOSAL_STATES = ['open', 'accepted', 'objected', 'rejected'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const Objection = Type.Object({
  by: Type.String(),
  cell: Type.String(),
  reason: Type.String(),
  at: Type.String(),
});
export type Objection = Static<typeof Objection>;

export const Vote = Type.Object({
  member: Type.String({ description: 'the member who voted: one vote per member' }),
  cell: Type.String(),
  vote: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
  at: Type.String(),
});
export type Vote = Static<typeof Vote>;

/** A decision proposed under consent or vote, waiting for its window. */
export const Proposal = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  tensionId: Type.String(),
  reviewId: Type.Optional(Type.String()),
  method: Type.Union([Type.Literal('consent'), Type.Literal('vote')]),
  outcome: OutcomeInput,
  proposedBy: Type.String(),
  proposerCell: Type.String(),
  proposerRole: Type.Optional(Type.String()),
  proposedAt: Type.String(),
  closesAt: Type.Optional(
    Type.String({ description: 'when the window ends; absent while it lasts as long as the review it was made in' }),
  ),
  state: Type.Union(PROPOSAL_STATES.map((s) => Type.Literal(s))),
  objections: Type.Array(Objection),
  votes: Type.Array(Vote),
  settledAt: Type.Optional(Type.String()),
});
export type Proposal = Static<typeof Proposal>;

/** What an outcome did (agreement version and diff, guardrail version, experiment id, escalation target…). */
const Details = Type.Record(Type.String(), Type.Unknown());

/** An entry of the decisions log. */
export const Decision = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  tensionId: Type.String(),
  reviewId: Type.Optional(Type.String()),
  proposalId: Type.Optional(Type.String()),
  outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
  method: Type.Union([
    Type.Literal('owner'),
    Type.Literal('advice'),
    Type.Literal('consent'),
    Type.Literal('vote'),
    Type.Literal('facilitator'),
  ]),
  decidedBy: Type.String({ description: 'who decided, as a sentence (for consent and vote: who proposed)' }),
  deciderCell: Type.Optional(Type.String()),
  deciderRole: Type.Optional(Type.String()),
  criteria: Type.Array(Type.String()),
  rationale: Type.String(),
  reviewDate: Type.Optional(Type.String()),
  details: Details,
  decidedAt: Type.String(),
});
export type Decision = Static<typeof Decision>;

/**
 * A move tried for a while with a metric to watch, reviewed on its review date. It comes from a decision on a
 * tension (`tensionId`, `decisionId`), or from a cell's own choice for itself (`cell`, e.g. an accepted recommendation).
 */
export const Experiment = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  tensionId: Type.Optional(Type.String({ description: 'the tension that started it; absent for a cell’s own' })),
  decisionId: Type.Optional(Type.String()),
  cell: Type.Optional(Type.String({ description: 'the cell that chose it for itself; absent when a decision did' })),
  title: Type.Optional(Type.String({ description: 'what a cell’s own experiment is about' })),
  startedBy: Type.Optional(Type.String({ description: 'who started a cell’s own experiment, in words' })),
  recommendation: Type.Optional(Type.String({ description: 'the recommendation it follows (`R-3`), when one' })),
  evidence: Type.Optional(Type.Array(Evidence)),
  move: Type.String(),
  metric: Type.String(),
  reviewDate: Type.String(),
  startedAt: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('concluded')]),
  result: Type.Optional(Type.String()),
  concludedAt: Type.Optional(Type.String()),
});
export type Experiment = Static<typeof Experiment>;

/** What deciding did: a decision at once (owner, advice), or a proposal waiting for its window (consent, vote). */
export const DecideResult = Type.Object({
  tension: Tension,
  decision: Type.Optional(Decision),
  proposal: Type.Optional(Proposal),
  preview: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: 'for a proposal: what it would change' }),
  ),
});
export type DecideResult = Static<typeof DecideResult>;

/** One field that differs between two versions of a manifest (an applied one and the folder, or before and after a decision). */
export const FieldChange = Type.Object({
  path: Type.String({ description: '`spec.members[0].roles`' }),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export type FieldChange = Static<typeof FieldChange>;

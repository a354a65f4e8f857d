/** The shapes of governance's proposals, decisions and experiments, as its API returns them: types only. */
import type { Outcome, OutcomeInput } from './outcome-input-schema.js';
import type { Evidence, Tension } from './tension-types.js';

export const PROPOSAL_STATES = ['open', 'accepted', 'objected', 'rejected'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export interface Objection {
  by: string;
  cell: string;
  reason: string;
  at: string;
}

export interface Vote {
  /** The member who voted: one vote per member. */
  member: string;
  cell: string;
  vote: 'yes' | 'no';
  at: string;
}

/** A decision proposed under consent or vote, waiting for its window. */
export interface Proposal {
  id: string;
  number: number;
  tensionId: string;
  reviewId?: string;
  method: 'consent' | 'vote';
  outcome: OutcomeInput;
  proposedBy: string;
  proposerCell: string;
  proposerRole?: string;
  proposedAt: string;
  /** When the window ends; absent while it lasts as long as the review it was made in. */
  closesAt?: string;
  state: ProposalState;
  objections: Objection[];
  votes: Vote[];
  settledAt?: string;
}

/** An entry of the decisions log. */
export interface Decision {
  id: string;
  number: number;
  tensionId: string;
  reviewId?: string;
  proposalId?: string;
  outcome: Outcome;
  method: 'owner' | 'advice' | 'consent' | 'vote' | 'facilitator';
  /** Who decided, as a sentence (for consent and vote: who proposed). */
  decidedBy: string;
  deciderCell?: string;
  deciderRole?: string;
  criteria: string[];
  rationale: string;
  reviewDate?: string;
  /** What the outcome did: agreement version and diff, guardrail version, experiment id, escalation target. */
  details: Record<string, unknown>;
  decidedAt: string;
}

/**
 * A move tried for a while with a metric to watch, reviewed on its review date. It comes from a decision on a
 * tension (`tensionId`, `decisionId`), or from a cell's own choice for itself (`cell`, e.g. an accepted recommendation).
 */
export interface Experiment {
  id: string;
  number: number;
  /** The tension and decision that started it; absent when a cell chose it for itself. */
  tensionId?: string;
  decisionId?: string;
  /** The cell that chose it for itself and runs it; absent when a decision started it. */
  cell?: string;
  /** What it is about (a cell's own experiment; a decided one is about its tension). */
  title?: string;
  /** Who started it, in words (a cell's own experiment). */
  startedBy?: string;
  /** The recommendation it follows (`R-3`), when one. */
  recommendation?: string;
  evidence?: Evidence[];
  move: string;
  metric: string;
  reviewDate: string;
  startedAt: string;
  state: 'running' | 'concluded';
  result?: string;
  concludedAt?: string;
}

/** What deciding did: a decision at once (owner, advice), or a proposal waiting for its window (consent, vote). */
export interface DecideResult {
  tension: Tension;
  decision?: Decision;
  proposal?: Proposal;
  /** For a proposal: what it would change (the field diff of an agreement). */
  preview?: Record<string, unknown>;
}

/** One field that differs between two versions of a manifest (an applied one and the folder, or before and after a decision). */
export interface FieldChange {
  /** `spec.members[0].roles` */
  path: string;
  before?: unknown;
  after?: unknown;
}

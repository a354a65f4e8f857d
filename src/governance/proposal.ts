import type { OutcomeInput } from './outcome-input.js';

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

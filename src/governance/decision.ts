import type { Outcome } from './outcome-input.js';

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

/** A move tried for a while with a metric to watch, reviewed on its review date. */
export interface Experiment {
  id: string;
  number: number;
  tensionId: string;
  decisionId: string;
  move: string;
  metric: string;
  reviewDate: string;
  startedAt: string;
  state: 'running' | 'concluded';
  result?: string;
  concludedAt?: string;
}

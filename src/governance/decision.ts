import type { Outcome } from './outcome-input.js';
import type { Evidence } from './tension.js';

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

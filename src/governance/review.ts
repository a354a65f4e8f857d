import type { Priority } from './rank-tensions.js';
import type { Route } from './route-tension.js';
import type { Score } from './score-tension.js';
import type { Evidence, Severity, TensionNote, TensionState } from './tension.js';

export const REVIEW_STATES = ['planned', 'running', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Why an item is on the agenda: an open tension, or something whose review date has come (raised as a tension). */
export type AgendaItemKind = 'tension' | 'agreement' | 'experiment' | 'decision';

/** What the review did with an item. */
export type AgendaItemStatus = 'pending' | 'decided' | 'proposed' | 'objected' | 'rejected';

/** What the facilitator and the decider look at before deciding. */
export interface EvidencePacket {
  evidence: Evidence[];
  occurrences: number;
  observedAt: string;
  raisedAt: string;
  raisedBy: string;
  comments: number;
  /** The latest few comments and advice. */
  notes: TensionNote[];
  /** Agreements between the involved cells: `name (provider → consumer), review date`. */
  agreements: { name: string; provider: string; consumer: string; reviewDate?: string }[];
  /** Earlier decisions on this tension. */
  decisions: string[];
}

export interface AgendaItem {
  tensionId: string;
  kind: AgendaItemKind;
  title: string;
  type: string;
  cells: string[];
  severity: Severity;
  tensionState: TensionState;
  score: Score;
  priority: Priority;
  route: Route;
  evidence: EvidencePacket;
  status: AgendaItemStatus;
  decisionId?: string;
  proposalId?: string;
}

/** A tension review: planned from the cadence, run by a facilitator, closed with or without decisions. */
export interface Review {
  id: string;
  number: number;
  cell: string;
  /** Cells it covers; absent for the whole organization. */
  scope?: string[];
  state: ReviewState;
  scheduledFor: string;
  plannedAt: string;
  plannedBy: string;
  startedAt?: string;
  startedBy?: string;
  closedAt?: string;
  closedBy?: string;
  agenda: AgendaItem[];
  reordered: boolean;
  items: number;
  decided: number;
  /** Closed with items on the agenda and not one decision. */
  noDecision: boolean;
}

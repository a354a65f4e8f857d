/** The shapes of governance's review API (`GET /v1/reviews…`, `GET /v1/governance/metrics`): types only. */
import type { Evidence, Priority, Route, Score, Severity, TensionNote, TensionState } from './tension-types.js';

export const REVIEW_STATES = ['planned', 'running', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Why an item is on the agenda: an open tension, or something whose review date has come (raised as a tension). */
export const AGENDA_ITEM_KINDS = ['tension', 'agreement', 'experiment', 'decision'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

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

/** Count, median and mean of a set of durations (the median of an even count is the mean of the middle two). */
export interface DurationStats {
  count: number;
  medianMs: number | null;
  meanMs: number | null;
  /** The median, readable: `1.5h`. */
  median: string | null;
}

export interface ReviewWeek {
  /** ISO week, `2026-W03`. */
  week: string;
  closed: number;
  withoutDecision: number;
  share: number;
}

/** What the record says about how the organization mediates. */
export interface GovernanceMetrics {
  from?: string;
  to?: string;
  tensions: {
    raised: number;
    byOrigin: { person: number; detector: number };
    byState: Record<TensionState, number>;
    unrouted: number;
  };
  /** observedAt → raisedAt: how long a gap went unspoken. */
  timeToSurface: DurationStats & { byOrigin: { person: DurationStats; detector: DurationStats } };
  /** raisedAt → the first decision on it (any outcome, escalation included). */
  timeToDecision: DurationStats;
  reviews: { closed: number; withoutDecision: number; shareWithoutDecision: number | null; byWeek: ReviewWeek[] };
  /** Tensions reopened at least once, and how many reopenings in all. */
  reopened: { tensions: number; times: number };
  /** Decisions that escalated a tension. */
  escalations: number;
  /** Cases that workflows escalated into tensions (occurrences of `workflow-escalation` tensions). */
  workflowEscalations: number;
}

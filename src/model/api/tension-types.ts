/**
 * The shapes governance's tension API returns (`GET /v1/tensions`, `GET /v1/tensions/:id`): types only, shared by
 * src/governance, which builds them, and the dashboard, which reads them.
 */
import type { Decision, Proposal } from './decision-types.js';

/** Where a tension stands. The usual path is open → scheduled → decided → resolved; dropped ends it too. */
export const TENSION_STATES = ['open', 'scheduled', 'decided', 'resolved', 'dropped'] as const;
export type TensionState = (typeof TENSION_STATES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Who raised it: a person (through a cell or admin token) or a detector (Cello itself). */
export type TensionOrigin = 'person' | 'detector';

export const EVIDENCE_KINDS = [
  'event',
  'agreement',
  'insight',
  'finding',
  'manifest',
  'delivery',
  'decision',
  'experiment',
  'link',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A pointer to what shows the gap: an event (`event:42`), an agreement, an insight, a lint finding, a URL. */
export interface Evidence {
  kind: EvidenceKind;
  ref: string;
  note?: string;
}

/** A gap between what is and what could be, as governance tracks it. */
export interface Tension {
  id: string;
  number: number;
  title: string;
  description?: string;
  type: string;
  /** Names of the involved cells (without `cell:`). */
  cells: string[];
  severity: Severity;
  state: TensionState;
  /** When the gap was first seen; `raisedAt − observedAt` is the time it took to surface. */
  observedAt: string;
  raisedAt: string;
  updatedAt: string;
  raisedBy: string;
  raiserCell?: string;
  origin: TensionOrigin;
  detector?: string;
  subject?: string;
  /** How often a detector saw it (1 for a tension a person raised). */
  occurrences: number;
  lastOccurredAt: string;
  evidence: Evidence[];
  /** Criterion name → rating from 0 to 5. */
  ratings: Record<string, number>;
  ratedBy?: string;
  reopened: number;
  escalations: number;
  escalatedTo?: string;
  /** The review whose agenda it is on, while scheduled. */
  reviewId?: string;
  decidedAt?: string;
  resolvedAt?: string;
  /** Why it was dropped or resolved. */
  closedReason?: string;
}

/** A comment or a piece of advice on a tension. */
export interface TensionNote {
  id: string;
  tensionId: string;
  kind: 'comment' | 'advice';
  author: string;
  authorCell?: string;
  body: string;
  createdAt: string;
}

/** One line of a score: criterion × weight. */
export interface ScorePart {
  criterion: string;
  /** Undefined when nobody rated this criterion yet (it counts 0). */
  rating?: number;
  weight: number;
  points: number;
}

/** A score that explains itself. */
export interface Score {
  total: number;
  max: number;
  /** total / max, 0 when the organization has no criteria. */
  share: number;
  parts: ScorePart[];
  /** `impact 4 × 3 = 12 + urgency 2 × 2 = 4 → 16 of 25`. */
  explanation: string;
  /** Criteria nobody rated yet. */
  unrated: string[];
}

/** A tension's priority with each part shown. */
export interface Priority {
  total: number;
  parts: { score: number; severity: number; age: number; lateness: number };
  ageDays: number;
  latenessDays: number;
  /** `score 16/25 → 32 + severity high → 10 + waited 3d → 2.1 + raised 10d late → 5.4 = 49.5`. */
  explanation: string;
}

/** Where a tension goes to be decided, from the DecisionRight of its type. */
export interface RoutedTo {
  routed: true;
  /** The DecisionRight's name. */
  right: string;
  tensionType: string;
  deciderCell: string;
  /** Only members with this role decide; absent means any member of the cell. */
  deciderRole?: string;
  method: 'owner' | 'advice' | 'consent' | 'vote';
  forum: 'review' | 'async';
  criteria: string[];
  asyncTimeout: string;
  asyncTimeoutMs: number;
  /** Cells whose advice or objection counts besides the involved ones. */
  advisors: string[];
  /** Members who hold the right, for messages: `Ana, Bo`. */
  holders: string[];
  /** `members of cell:payments with the lead role (Ana)`. */
  who: string;
}

/** A tension whose type no DecisionRight covers: flagged, and only escalated or dropped in a review. */
export interface Unrouted {
  routed: false;
  tensionType: string;
  reason: string;
}

export type Route = RoutedTo | Unrouted;

/** A tension as lists return it: with its route, score and priority. */
export interface TensionView {
  tension: Tension;
  route: Route;
  score: Score;
  priority: Priority;
}

/** A tension with what explains it: route, score, priority, notes, proposals and decisions. */
export interface TensionDetail extends TensionView {
  notes: TensionNote[];
  proposals: Proposal[];
  decisions: Decision[];
}

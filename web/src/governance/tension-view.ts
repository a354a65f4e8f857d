/** The shapes `GET /v1/tensions` and `GET /v1/tensions/:id` return (the governance API's JSON). */

export const TENSION_STATES = ['open', 'scheduled', 'decided', 'resolved', 'dropped'] as const;
export type TensionState = (typeof TENSION_STATES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Evidence {
  kind: string;
  ref: string;
  note?: string;
}

export interface Tension {
  id: string;
  number: number;
  title: string;
  description?: string;
  type: string;
  cells: string[];
  severity: Severity;
  state: TensionState;
  observedAt: string;
  raisedAt: string;
  updatedAt: string;
  raisedBy: string;
  raiserCell?: string;
  origin: 'person' | 'detector';
  detector?: string;
  occurrences: number;
  evidence: Evidence[];
  ratings: Record<string, number>;
  ratedBy?: string;
  reopened: number;
  reviewId?: string;
  closedReason?: string;
}

export interface ScorePart {
  criterion: string;
  rating?: number;
  weight: number;
  points: number;
}

export interface Score {
  total: number;
  max: number;
  share: number;
  parts: ScorePart[];
  explanation: string;
  unrated: string[];
}

export interface Priority {
  total: number;
  explanation: string;
}

export type Route =
  | {
      routed: true;
      right: string;
      deciderCell: string;
      deciderRole?: string;
      method: 'owner' | 'advice' | 'consent' | 'vote';
      forum: 'review' | 'async';
      criteria: string[];
      asyncTimeout: string;
      advisors: string[];
      who: string;
    }
  | { routed: false; reason: string };

export interface TensionNote {
  id: string;
  kind: 'comment' | 'advice';
  author: string;
  body: string;
  createdAt: string;
}

export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface Proposal {
  id: string;
  method: 'consent' | 'vote';
  outcome: { outcome: string; rationale?: string } & Record<string, unknown>;
  proposedBy: string;
  proposedAt: string;
  closesAt?: string;
  state: 'open' | 'accepted' | 'objected' | 'rejected';
  objections: { by: string; reason: string; at: string }[];
  votes: { member: string; vote: 'yes' | 'no' }[];
}

export interface Decision {
  id: string;
  tensionId: string;
  reviewId?: string;
  outcome: string;
  method: string;
  decidedBy: string;
  criteria: string[];
  rationale: string;
  reviewDate?: string;
  details: Record<string, unknown>;
  decidedAt: string;
}

/** A tension as lists return it. */
export interface TensionView {
  tension: Tension;
  route: Route;
  score: Score;
  priority: Priority;
}

/** A tension as its page shows it. */
export interface TensionDetail extends TensionView {
  notes: TensionNote[];
  proposals: Proposal[];
  decisions: Decision[];
}

/** What deciding returned: a decision at once, or a proposal waiting for its window (with what it would change). */
export interface DecideResult {
  tension: Tension;
  decision?: Decision;
  proposal?: Proposal;
  preview?: Record<string, unknown>;
}

/** `decider: members of cell:x with the lead role (Ana) · consent · in the review`. */
export function describeRoute(route: Route): string {
  if (!route.routed) return route.reason;
  return `${route.who} decide${route.who.startsWith('members') ? '' : 's'} by ${route.method}, ${route.forum === 'review' ? 'in the tension review' : `async (window ${route.asyncTimeout})`}`;
}

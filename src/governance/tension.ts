/** Where a tension stands. The usual path is open → scheduled → decided → resolved; dropped ends it too. */
export const TENSION_STATES = ['open', 'scheduled', 'decided', 'resolved', 'dropped'] as const;
export type TensionState = (typeof TENSION_STATES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Who raised it: a person (through a cell or admin token) or a detector (Cello itself). */
export type TensionOrigin = 'person' | 'detector';

export const EVIDENCE_KINDS = ['event', 'agreement', 'insight', 'finding', 'manifest', 'delivery', 'decision', 'experiment', 'link'] as const;
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

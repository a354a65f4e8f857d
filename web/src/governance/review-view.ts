import type { Evidence, Priority, Route, Score, Severity, TensionNote, TensionState } from './tension-view.js';

/** The shapes of `GET /v1/reviews…` (the governance API's JSON). */

export interface EvidencePacket {
  evidence: Evidence[];
  occurrences: number;
  observedAt: string;
  raisedAt: string;
  raisedBy: string;
  comments: number;
  notes: TensionNote[];
  agreements: { name: string; provider: string; consumer: string; reviewDate?: string }[];
  decisions: string[];
}

export interface AgendaItem {
  tensionId: string;
  kind: 'tension' | 'agreement' | 'experiment' | 'decision';
  title: string;
  type: string;
  cells: string[];
  severity: Severity;
  tensionState: TensionState;
  score: Score;
  priority: Priority;
  route: Route;
  evidence: EvidencePacket;
  status: 'pending' | 'decided' | 'proposed' | 'objected' | 'rejected';
  decisionId?: string;
  proposalId?: string;
}

export interface Review {
  id: string;
  number: number;
  cell: string;
  scope?: string[];
  state: 'planned' | 'running' | 'closed';
  scheduledFor: string;
  plannedAt: string;
  startedAt?: string;
  closedAt?: string;
  agenda: AgendaItem[];
  items: number;
  decided: number;
  noDecision: boolean;
}

export interface DurationStats {
  count: number;
  medianMs: number | null;
  meanMs: number | null;
  median: string | null;
}

export interface GovernanceMetrics {
  tensions: { raised: number; byOrigin: { person: number; detector: number }; byState: Record<TensionState, number>; unrouted: number };
  timeToSurface: DurationStats;
  timeToDecision: DurationStats;
  reviews: { closed: number; withoutDecision: number; shareWithoutDecision: number | null; byWeek: { week: string; closed: number; withoutDecision: number; share: number }[] };
  reopened: { tensions: number; times: number };
  escalations: number;
}

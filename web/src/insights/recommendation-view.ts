import type { Evidence } from '../governance/tension-view.js';

export const RECOMMENDATION_STATES = ['open', 'accepted', 'dismissed', 'withdrawn'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

/** A recommendation as `GET /v1/insights/recommendations` lists it. */
export interface Recommendation {
  id: string;
  kind: string;
  cell: string;
  title: string;
  summary: string;
  move: string;
  metric: string;
  evidence: Evidence[];
  impact: { metric: string; current: number | null; expected: number | null; change: number | null; text: string };
  confidence: number;
  sampleSize: number;
  state: RecommendationState;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  experiment?: string;
}

/** What accepting returned: the recommendation, and the experiment governance started (null when none). */
export interface AcceptResult {
  recommendation: Recommendation;
  experiment: string | null;
  tension?: string;
}

export interface AcceptanceTally {
  made: number;
  open: number;
  accepted: number;
  dismissed: number;
  withdrawn: number;
  acceptanceRate: number | null;
}

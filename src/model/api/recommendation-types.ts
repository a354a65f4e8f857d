/** The shapes of insights' recommendation API (`GET /v1/insights/recommendations…`): types only. */

/** A pointer to what shows a gap, in governance's evidence vocabulary. */
export interface TensionEvidence {
  kind: 'event' | 'agreement' | 'insight' | 'manifest' | 'experiment';
  ref: string;
  note?: string;
}

export const RECOMMENDATION_KINDS = ['bottleneck', 'collaboration-past-duration', 'template-variant'] as const;
/** What a recommendation is about; each kind has its own generator (ARCHITECTURE.md). */
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RECOMMENDATION_STATES = ['open', 'accepted', 'dismissed', 'withdrawn'] as const;
/** `withdrawn`: the evidence went away before the cell decided. Accepted and dismissed are final. */
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

/** What following the recommendation is expected to change, with the figure it rests on. */
export interface ExpectedImpact {
  metric: string;
  /** The figure now and the figure expected (ms for durations), when they can be put in numbers. */
  current: number | null;
  expected: number | null;
  /** (expected − current) / current, e.g. −0.4 for 40% faster. */
  change: number | null;
  text: string;
}

/** A suggestion found in the log, before it is stored: what, to whom, why, and how sure. */
export interface RecommendationCandidate {
  kind: RecommendationKind;
  /** Identity across refreshes: the same finding updates its recommendation rather than adding one. */
  key: string;
  /** The owning cell it is addressed to (without `cell:`): the only one that may accept or dismiss it. */
  cell: string;
  title: string;
  summary: string;
  /** The move to try if accepted, and the metric to watch: the experiment's defaults. */
  move: string;
  metric: string;
  evidence: TensionEvidence[];
  /** The figures behind it, for the dashboard and `--json`. */
  facts: Record<string, unknown>;
  impact: ExpectedImpact;
  /** 0..1: how sure the finding is (per kind; ARCHITECTURE.md). */
  confidence: number;
  /** Cases, passages or events it rests on. */
  sampleSize: number;
}

/** A stored recommendation and what the cell did with it. */
export interface Recommendation extends RecommendationCandidate {
  id: string;
  number: number;
  state: RecommendationState;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  /** Why it was dismissed or withdrawn. */
  reason?: string;
  /** The experiment accepting it started (governance's id), when one was started. */
  experiment?: string;
}

/** What accepting returned: the recommendation, and the experiment governance started. */
export interface AcceptResult {
  recommendation: Recommendation;
  /** The experiment governance started; null when no experiment sink is wired. */
  experiment: string | null;
  tension?: string;
}

/** How recommendations fared: counts by state and the acceptance rate, accepted ÷ (accepted + dismissed). */
export interface AcceptanceTally {
  made: number;
  open: number;
  accepted: number;
  dismissed: number;
  withdrawn: number;
  /** null while no recommendation has been decided. */
  acceptanceRate: number | null;
}

export interface AcceptanceStats extends AcceptanceTally {
  byKind: (AcceptanceTally & { kind: string })[];
  byCell: (AcceptanceTally & { cell: string })[];
}

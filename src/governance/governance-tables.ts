import type { ColumnType } from 'kysely';

/**
 * Column types of the governance projections (see governance-migration.ts). Same conventions as the store:
 * JSON as text parsed at the edge that reads the row, booleans as 0/1, record times as RFC 3339 UTC text.
 * Every row here is a projection: the log holds the event that recorded each change.
 */
export type GovernanceTables = {
  tensions: TensionsTable;
  tension_cells: TensionCellsTable;
  tension_notes: TensionNotesTable;
  proposals: ProposalsTable;
  decisions: DecisionsTable;
  reviews: ReviewsTable;
  experiments: ExperimentsTable;
};

/** A column written once and never updated. */
type Frozen<T> = ColumnType<T, T, never>;

export interface TensionsTable {
  /** `T-<number>`: short enough to type on the command line, and the subject of the tension's events. */
  id: Frozen<string>;
  number: Frozen<number>;
  title: string;
  description: string | null;
  type: string;
  /** JSON array of cell names; `tension_cells` indexes them. */
  cells: string;
  severity: string;
  state: string;
  observed_at: string;
  raised_at: Frozen<string>;
  updated_at: string;
  /** Who raised it, as a sentence (`Ana of cell:payments`). */
  raised_by: Frozen<string>;
  raiser_cell: Frozen<string | null>;
  /** `person` or `detector`. */
  origin: Frozen<string>;
  detector: Frozen<string | null>;
  detector_subject: Frozen<string | null>;
  occurrences: number;
  last_occurred_at: string;
  /** JSON array of evidence. */
  evidence: string;
  /** JSON object criterion → rating. */
  ratings: string;
  rated_by: string | null;
  reopened: number;
  escalations: number;
  escalated_to: string | null;
  review_id: string | null;
  decided_at: string | null;
  resolved_at: string | null;
  closed_reason: string | null;
}

export interface TensionCellsTable {
  tension_id: string;
  cell: string;
}

/** Comments and advice on a tension. */
export interface TensionNotesTable {
  id: Frozen<string>;
  tension_id: Frozen<string>;
  /** `comment` or `advice`. */
  kind: Frozen<string>;
  author: Frozen<string>;
  author_cell: Frozen<string | null>;
  body: Frozen<string>;
  created_at: Frozen<string>;
}

export interface ProposalsTable {
  id: Frozen<string>;
  number: Frozen<number>;
  tension_id: Frozen<string>;
  review_id: Frozen<string | null>;
  method: Frozen<string>;
  /** JSON of the outcome input the proposal would carry out. */
  outcome: Frozen<string>;
  proposed_by: Frozen<string>;
  proposer_cell: Frozen<string>;
  proposer_role: Frozen<string | null>;
  proposed_at: Frozen<string>;
  /** When the objection or voting window ends; null while it lasts as long as its review. */
  closes_at: Frozen<string | null>;
  state: string;
  /** JSON arrays. */
  objections: string;
  votes: string;
  settled_at: string | null;
}

export interface DecisionsTable {
  id: Frozen<string>;
  number: Frozen<number>;
  tension_id: Frozen<string>;
  review_id: Frozen<string | null>;
  proposal_id: Frozen<string | null>;
  outcome: Frozen<string>;
  method: Frozen<string>;
  decided_by: Frozen<string>;
  decider_cell: Frozen<string | null>;
  decider_role: Frozen<string | null>;
  /** JSON array of criterion names. */
  criteria: Frozen<string>;
  rationale: Frozen<string>;
  review_date: Frozen<string | null>;
  /** JSON: what the outcome did (agreement version and diff, experiment id, escalation target…). */
  details: Frozen<string>;
  decided_at: Frozen<string>;
}

export interface ReviewsTable {
  id: Frozen<string>;
  number: Frozen<number>;
  /** The cell whose facilitator runs it. */
  cell: Frozen<string>;
  /** JSON array of cell names the review covers; null for the whole organization. */
  scope: Frozen<string | null>;
  state: string;
  scheduled_for: string;
  planned_at: string;
  planned_by: string;
  started_at: string | null;
  started_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  /** JSON array of agenda items, in the order they are taken. */
  agenda: string;
  /** 1 once the facilitator changed the order. */
  reordered: number;
  items: number;
  decided: number;
  /** 1 when it closed with items and no decision. */
  no_decision: number;
}

export interface ExperimentsTable {
  id: Frozen<string>;
  number: Frozen<number>;
  /** The tension and decision that started it; null for an experiment a cell chose for itself. */
  tension_id: Frozen<string | null>;
  decision_id: Frozen<string | null>;
  move: Frozen<string>;
  metric: Frozen<string>;
  review_date: Frozen<string>;
  started_at: Frozen<string>;
  state: string;
  result: string | null;
  concluded_at: string | null;
  /** A cell's own experiment: the cell, what it is about, who started it, the recommendation it follows, evidence (JSON). */
  cell: Frozen<string | null>;
  title: Frozen<string | null>;
  started_by: Frozen<string | null>;
  recommendation: Frozen<string | null>;
  evidence: Frozen<string | null>;
}

import type { ProposalsTable } from './decisions/proposal-row.js';
import type { DecisionsTable } from './decisions/decision-row.js';
import type { ExperimentsTable } from './experiments/experiment-row.js';
import type { ReviewsTable } from './reviews/review-row.js';
import type { TensionsTable } from './tensions/tension-row.js';

export type { DecisionsTable, ExperimentsTable, ProposalsTable, ReviewsTable, TensionsTable };

/**
 * Column types of the governance projections (see governance-migration.ts). Same conventions as the store:
 * JSON as text parsed and checked at the edge that reads the row, booleans as 0/1, record times as RFC 3339 UTC
 * text. Every row here is a projection: the log holds the event that recorded each change. The tables that hold
 * a model are typed from that model's row codec (`tension-row.ts`…), so a column is described once.
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

/** Which cells a tension involves, indexed for `?cell=`. */
export interface TensionCellsTable {
  tension_id: string;
  cell: string;
}

/** Comments and advice on a tension; never updated. */
export interface TensionNotesTable {
  id: string;
  tension_id: string;
  /** `comment` or `advice`. */
  kind: string;
  author: string;
  author_cell: string | null;
  body: string;
  created_at: string;
}

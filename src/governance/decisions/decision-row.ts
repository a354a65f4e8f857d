import { OUTCOMES, type Decision } from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';
import { DecisionDetails, StringList } from '../stored-json.js';

const METHODS = ['owner', 'advice', 'consent', 'vote', 'facilitator'] as const satisfies readonly Decision['method'][];

/** A decision's fields and the columns that hold them: the one description the row type and the codec come from. */
const DECISION_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  tensionId: column.text('tension_id'),
  reviewId: column.optionalText('review_id'),
  proposalId: column.optionalText('proposal_id'),
  outcome: column.oneOf('outcome', OUTCOMES),
  method: column.oneOf('method', METHODS),
  decidedBy: column.text('decided_by'),
  deciderCell: column.optionalText('decider_cell'),
  deciderRole: column.optionalText('decider_role'),
  /** Criterion names. */
  criteria: column.json('criteria', StringList),
  rationale: column.text('rationale'),
  reviewDate: column.optionalText('review_date'),
  /** What the outcome did (agreement version and diff, experiment id, escalation target…). */
  details: column.json('details', DecisionDetails),
  decidedAt: column.text('decided_at'),
};

const codec = rowCodec('decisions', 'id', DECISION_FIELDS);

/** The `decisions` table, column by column (created by governance-migration.ts). Rows are never updated. */
export type DecisionsTable = RowOf<typeof DECISION_FIELDS>;

export const decisionFromRow = (row: DecisionsTable): Decision => codec.read(row);
export const decisionToRow = (decision: Decision): DecisionsTable => codec.write(decision);

import { OutcomeInput, PROPOSAL_STATES, type Proposal } from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';
import { ObjectionList, VoteList } from '../stored-json.js';

/** A proposal's fields and the columns that hold them: the one description the row type and the codec come from. */
const PROPOSAL_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  tensionId: column.text('tension_id'),
  reviewId: column.optionalText('review_id'),
  method: column.oneOf('method', ['consent', 'vote'] as const),
  /** The outcome input the proposal would carry out. */
  outcome: column.json('outcome', OutcomeInput),
  proposedBy: column.text('proposed_by'),
  proposerCell: column.text('proposer_cell'),
  proposerRole: column.optionalText('proposer_role'),
  proposedAt: column.text('proposed_at'),
  /** When the objection or voting window ends; NULL while it lasts as long as its review. */
  closesAt: column.optionalText('closes_at'),
  state: column.oneOf('state', PROPOSAL_STATES),
  objections: column.json('objections', ObjectionList),
  votes: column.json('votes', VoteList),
  settledAt: column.optionalText('settled_at'),
};

const codec = rowCodec('proposals', 'id', PROPOSAL_FIELDS);

/** The `proposals` table, column by column (created by governance-migration.ts). */
export type ProposalsTable = RowOf<typeof PROPOSAL_FIELDS>;

export const proposalFromRow = (row: ProposalsTable): Proposal => codec.read(row);
export const proposalToRow = (proposal: Proposal): ProposalsTable => codec.write(proposal);

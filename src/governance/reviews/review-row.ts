import { REVIEW_STATES, type Review } from '../../model/index.js';
import { column, rowCodec, type RowOf } from '../../store/index.js';
import { Agenda, StringList } from '../stored-json.js';

/** A review's fields and the columns that hold them: the one description the row type and the codec come from. */
const REVIEW_FIELDS = {
  id: column.text('id'),
  number: column.integer('number'),
  /** The cell whose facilitator runs it. */
  cell: column.text('cell'),
  /** Cells the review covers; NULL for the whole organization. */
  scope: column.optionalJson('scope', StringList),
  state: column.oneOf('state', REVIEW_STATES),
  scheduledFor: column.text('scheduled_for'),
  plannedAt: column.text('planned_at'),
  plannedBy: column.text('planned_by'),
  startedAt: column.optionalText('started_at'),
  startedBy: column.optionalText('started_by'),
  closedAt: column.optionalText('closed_at'),
  closedBy: column.optionalText('closed_by'),
  /** The agenda items, in the order they are taken. */
  agenda: column.json('agenda', Agenda),
  /** Once the facilitator changed the order. */
  reordered: column.flag('reordered'),
  items: column.integer('items'),
  decided: column.integer('decided'),
  /** Closed with items and no decision. */
  noDecision: column.flag('no_decision'),
};

const codec = rowCodec('reviews', 'id', REVIEW_FIELDS);

/** The `reviews` table, column by column (created by governance-migration.ts). */
export type ReviewsTable = RowOf<typeof REVIEW_FIELDS>;

export const reviewFromRow = (row: ReviewsTable): Review => codec.read(row);
export const reviewToRow = (review: Review): ReviewsTable => codec.write(review);

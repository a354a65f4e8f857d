import type { StoreMigration } from '../store/index.js';

/** The governance projections: tensions and their cells and notes, proposals, decisions, reviews, experiments. */
export const governanceMigration: StoreMigration = {
  name: '20261121-0500-governance-tables',
  async up(db, c) {
    await db.schema
      .createTable('tensions')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('type', c.key, (col) => col.notNull())
      .addColumn('cells', 'text', (col) => col.notNull())
      .addColumn('severity', c.key, (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('observed_at', 'text', (col) => col.notNull())
      .addColumn('raised_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('raised_by', 'text', (col) => col.notNull())
      .addColumn('raiser_cell', c.key)
      .addColumn('origin', c.key, (col) => col.notNull())
      .addColumn('detector', c.key)
      .addColumn('detector_subject', c.key)
      .addColumn('occurrences', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('last_occurred_at', 'text', (col) => col.notNull())
      .addColumn('evidence', 'text', (col) => col.notNull())
      .addColumn('ratings', 'text', (col) => col.notNull())
      .addColumn('rated_by', 'text')
      .addColumn('reopened', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('escalations', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('escalated_to', c.key)
      .addColumn('review_id', c.key)
      .addColumn('decided_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('closed_reason', 'text')
      .execute();
    // One tension per detector and subject, ever: a recurrence updates (or reopens) it, so a race cannot duplicate it.
    await db.schema
      .createIndex('tensions_detector_subject')
      .unique()
      .on('tensions')
      .columns(['detector', 'detector_subject'])
      .execute();
    // The agenda and `cello tension list --state open` read by state, oldest first.
    await db.schema.createIndex('tensions_state').on('tensions').columns(['state', 'raised_at']).execute();

    await db.schema
      .createTable('tension_cells')
      .addColumn('tension_id', c.key, (col) => col.notNull())
      .addColumn('cell', c.key, (col) => col.notNull())
      .addPrimaryKeyConstraint('tension_cells_pk', ['tension_id', 'cell'])
      .execute();
    // `?cell=payments`: the tensions a cell is involved in.
    await db.schema.createIndex('tension_cells_cell').on('tension_cells').columns(['cell', 'tension_id']).execute();

    await db.schema
      .createTable('tension_notes')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('tension_id', c.key, (col) => col.notNull())
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('author', 'text', (col) => col.notNull())
      .addColumn('author_cell', c.key)
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('tension_notes_tension')
      .on('tension_notes')
      .columns(['tension_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('proposals')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('tension_id', c.key, (col) => col.notNull())
      .addColumn('review_id', c.key)
      .addColumn('method', c.key, (col) => col.notNull())
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('proposed_by', 'text', (col) => col.notNull())
      .addColumn('proposer_cell', c.key, (col) => col.notNull())
      .addColumn('proposer_role', c.key)
      .addColumn('proposed_at', 'text', (col) => col.notNull())
      .addColumn('closes_at', 'text')
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('objections', 'text', (col) => col.notNull())
      .addColumn('votes', 'text', (col) => col.notNull())
      .addColumn('settled_at', 'text')
      .execute();
    // The window check on every tick: open proposals whose window has ended.
    await db.schema.createIndex('proposals_open').on('proposals').columns(['state', 'closes_at']).execute();
    await db.schema.createIndex('proposals_tension').on('proposals').column('tension_id').execute();

    await db.schema
      .createTable('decisions')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('tension_id', c.key, (col) => col.notNull())
      .addColumn('review_id', c.key)
      .addColumn('proposal_id', c.key)
      .addColumn('outcome', c.key, (col) => col.notNull())
      .addColumn('method', c.key, (col) => col.notNull())
      .addColumn('decided_by', 'text', (col) => col.notNull())
      .addColumn('decider_cell', c.key)
      .addColumn('decider_role', c.key)
      .addColumn('criteria', 'text', (col) => col.notNull())
      .addColumn('rationale', 'text', (col) => col.notNull())
      .addColumn('review_date', 'text')
      .addColumn('details', 'text', (col) => col.notNull())
      .addColumn('decided_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('decisions_tension').on('decisions').column('tension_id').execute();
    await db.schema.createIndex('decisions_review_date').on('decisions').column('review_date').execute();

    await db.schema
      .createTable('reviews')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('cell', c.key, (col) => col.notNull())
      .addColumn('scope', 'text')
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('scheduled_for', 'text', (col) => col.notNull())
      .addColumn('planned_at', 'text', (col) => col.notNull())
      .addColumn('planned_by', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text')
      .addColumn('started_by', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('agenda', 'text', (col) => col.notNull())
      .addColumn('reordered', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('items', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('decided', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('no_decision', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('reviews_state').on('reviews').columns(['state', 'number']).execute();

    await db.schema
      .createTable('experiments')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('tension_id', c.key, (col) => col.notNull())
      .addColumn('decision_id', c.key, (col) => col.notNull())
      .addColumn('move', 'text', (col) => col.notNull())
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('review_date', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('result', 'text')
      .addColumn('concluded_at', 'text')
      .execute();
    await db.schema.createIndex('experiments_due').on('experiments').columns(['state', 'review_date']).execute();
  },
};

import type { StoreMigration } from '../../store/index.js';

/** The columns both the old and the new experiments table have, copied across. */
const KEPT = [
  'id',
  'number',
  'tension_id',
  'decision_id',
  'move',
  'metric',
  'review_date',
  'started_at',
  'state',
  'result',
  'concluded_at',
] as const;

/**
 * Experiments a cell chooses for itself (an accepted recommendation): no tension and no decision behind them, so
 * `tension_id` and `decision_id` may be null, and the row names the cell, what it is about, who started it, its
 * origin and evidence. SQLite cannot drop a NOT NULL, so the table is rebuilt the same way on every backend.
 */
export const cellExperimentsMigration: StoreMigration = {
  name: '20261121-0556-governance-cell-experiments',
  async up(db, c) {
    await db.schema
      .createTable('experiments_next')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('tension_id', c.key)
      .addColumn('decision_id', c.key)
      .addColumn('move', 'text', (col) => col.notNull())
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('review_date', 'text', (col) => col.notNull())
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('result', 'text')
      .addColumn('concluded_at', 'text')
      .addColumn('cell', c.key)
      .addColumn('title', 'text')
      .addColumn('started_by', 'text')
      .addColumn('recommendation', c.key)
      .addColumn('evidence', 'text')
      .execute();
    await db
      .insertInto('experiments_next')
      .columns([...KEPT])
      .expression(db.selectFrom('experiments').select([...KEPT]))
      .execute();
    await db.schema.dropTable('experiments').execute();
    await db.schema.alterTable('experiments_next').renameTo('experiments').execute();
    await db.schema.createIndex('experiments_due').on('experiments').columns(['state', 'review_date']).execute();
    // One experiment per recommendation: accepting twice (or a retry after a lost race) finds the first one.
    await db.schema
      .createIndex('experiments_recommendation')
      .unique()
      .on('experiments')
      .column('recommendation')
      .execute();
  },
};

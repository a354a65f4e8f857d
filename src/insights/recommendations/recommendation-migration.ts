import type { StoreMigration } from '../../store/index.js';

/** The recommendations projection: one row per finding (unique key), with what the owning cell decided. */
export const recommendationsMigration: StoreMigration = {
  name: '20261121-0600-insights-recommendations',
  async up(db, c) {
    await db.schema
      .createTable('insight_recommendations')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('number', 'integer', (col) => col.notNull().unique())
      .addColumn('key', c.key, (col) => col.notNull().unique())
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('cell', c.key, (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull())
      .addColumn('move', 'text', (col) => col.notNull())
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('evidence', 'text', (col) => col.notNull())
      .addColumn('facts', 'text', (col) => col.notNull())
      .addColumn('impact', 'text', (col) => col.notNull())
      .addColumn('confidence', 'real', (col) => col.notNull())
      .addColumn('sample_size', 'integer', (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('reason', 'text')
      .addColumn('experiment', c.key)
      .execute();
    // A cell lists its own open recommendations.
    await db.schema
      .createIndex('insight_recommendations_cell_state')
      .on('insight_recommendations')
      .columns(['cell', 'state'])
      .execute();
  },
};

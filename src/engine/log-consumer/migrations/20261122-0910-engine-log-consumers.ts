import type { StoreMigration } from '../../../store/index.js';

/** The durable log consumers' cursors: one row per consumer name (workflows, governance detectors…). */
export const engineLogConsumers: StoreMigration = {
  name: '20261122-0910-engine-log-consumers',
  async up(db, c) {
    await db.schema
      .createTable('log_consumers')
      .addColumn('name', c.key, (col) => col.primaryKey())
      .addColumn('seq', c.bigint, (col) => col.notNull())
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .execute();
  },
};

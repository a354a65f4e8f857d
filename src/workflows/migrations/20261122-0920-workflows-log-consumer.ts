import type { StoreMigration } from '../../store/index.js';

/**
 * The workflows' cursor moves into the engine's `log_consumers` (created by `20261122-0910-engine-log-consumers`,
 * which sorts before this one): its row keeps its name (`workflows`) and position, so the engine resumes exactly
 * where it was, and `workflow_cursor` is dropped.
 */
export const workflowsLogConsumer: StoreMigration = {
  name: '20261122-0920-workflows-log-consumer',
  async up(db) {
    await db
      .insertInto('log_consumers')
      .columns(['name', 'seq', 'updated_at'])
      .expression(db.selectFrom('workflow_cursor').select(['name', 'seq', 'updated_at']))
      .execute();
    await db.schema.dropTable('workflow_cursor').execute();
  },
};

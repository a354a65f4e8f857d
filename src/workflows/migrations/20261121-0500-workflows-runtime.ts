import { sql } from 'kysely';
import type { StoreMigration } from '../../store/index.js';
import { INSTANCE_STATES, TASK_STATES, TIMER_STATES, WEBHOOK_STATUSES } from '../workflow-tables.js';

const values = (list: readonly string[]) => sql.join(list.map((s) => sql.lit(s)));

/** Instances, their history (the exactly-once ledger), durable timers, human tasks, the webhook outbox and the cursor. */
export const workflowsRuntime: StoreMigration = {
  name: '20261121-0500-workflows-runtime',
  async up(db, c) {
    await db.schema
      .createTable('workflow_instances')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('workflow', c.key, (col) => col.notNull())
      .addColumn('case_id', c.key, (col) => col.notNull())
      .addColumn('cell', c.key, (col) => col.notNull())
      .addColumn('template', c.key, (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('step', c.key)
      .addColumn('vars', 'text', (col) => col.notNull())
      .addColumn('started_seq', c.bigint, (col) => col.notNull())
      .addColumn('last_seq', c.bigint, (col) => col.notNull())
      .addColumn('transitions', 'integer', (col) => col.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .addColumn('completed_at', c.bigint)
      .addCheckConstraint('workflow_instances_state_check', sql`state in (${values(INSTANCE_STATES)})`)
      .execute();
    // The key events correlate on; also makes a second start for the same case a no-op.
    await db.schema
      .createIndex('workflow_instances_case')
      .unique()
      .on('workflow_instances')
      .columns(['workflow', 'case_id'])
      .execute();
    // `cello workflows instances --workflow W --state waiting`, newest first.
    await db.schema
      .createIndex('workflow_instances_list')
      .on('workflow_instances')
      .columns(['workflow', 'state', 'id'])
      .execute();

    await db.schema
      .createTable('workflow_history')
      .addColumn('id', c.autoIncrement.type, c.autoIncrement.build)
      .addColumn('instance_id', c.key, (col) => col.notNull())
      .addColumn('step', c.key, (col) => col.notNull())
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('trigger', c.key, (col) => col.notNull())
      .addColumn('at', c.bigint, (col) => col.notNull())
      .addColumn('detail', 'text')
      .execute();
    // The exactly-once ledger: a step's effects for one trigger are recorded once. Its prefix also serves an
    // instance's history and the ledger check of a batch (by instance id).
    await db.schema
      .createIndex('workflow_history_ledger')
      .unique()
      .on('workflow_history')
      .columns(['instance_id', 'step', 'kind', 'trigger'])
      .execute();

    await db.schema
      .createTable('workflow_timers')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('instance_id', c.key, (col) => col.notNull())
      .addColumn('step', c.key, (col) => col.notNull())
      .addColumn('kind', c.key, (col) => col.notNull())
      .addColumn('task_id', c.key)
      .addColumn('due_at', c.bigint, (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('fired_at', c.bigint)
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .addCheckConstraint('workflow_timers_state_check', sql`state in (${values(TIMER_STATES)})`)
      .execute();
    // The timer loop claims what is due: state = 'pending' AND due_at <= now, soonest first.
    await db.schema.createIndex('workflow_timers_due').on('workflow_timers').columns(['state', 'due_at']).execute();
    // Cancelling an instance's timers when the awaited event arrives.
    await db.schema
      .createIndex('workflow_timers_instance')
      .on('workflow_timers')
      .columns(['instance_id', 'state'])
      .execute();

    await db.schema
      .createTable('workflow_tasks')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('instance_id', c.key, (col) => col.notNull())
      .addColumn('workflow', c.key, (col) => col.notNull())
      .addColumn('case_id', c.key, (col) => col.notNull())
      .addColumn('step', c.key, (col) => col.notNull())
      .addColumn('cell', c.key, (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('state', c.key, (col) => col.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('due_at', c.bigint)
      .addColumn('overdue', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('result', 'text')
      .addColumn('completed_by', 'text')
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .addColumn('claimed_at', c.bigint)
      .addColumn('completed_at', c.bigint)
      .addCheckConstraint('workflow_tasks_state_check', sql`state in (${values(TASK_STATES)})`)
      .execute();
    // `cello tasks list`: a cell's open tasks.
    await db.schema.createIndex('workflow_tasks_cell').on('workflow_tasks').columns(['cell', 'state', 'id']).execute();
    await db.schema.createIndex('workflow_tasks_instance').on('workflow_tasks').column('instance_id').execute();

    await db.schema
      .createTable('workflow_webhooks')
      .addColumn('id', c.key, (col) => col.primaryKey())
      .addColumn('instance_id', c.key, (col) => col.notNull())
      .addColumn('workflow', c.key, (col) => col.notNull())
      .addColumn('step', c.key, (col) => col.notNull())
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('status', c.key, (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', c.bigint, (col) => col.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .addColumn('completed_at', c.bigint)
      .addCheckConstraint('workflow_webhooks_status_check', sql`status in (${values(WEBHOOK_STATUSES)})`)
      .execute();
    await db.schema
      .createIndex('workflow_webhooks_due')
      .on('workflow_webhooks')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema.createIndex('workflow_webhooks_instance').on('workflow_webhooks').column('instance_id').execute();

    await db.schema
      .createTable('workflow_cursor')
      .addColumn('name', c.key, (col) => col.primaryKey())
      .addColumn('seq', c.bigint, (col) => col.notNull())
      .addColumn('updated_at', c.bigint, (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('workflow_secrets')
      .addColumn('workflow', c.key, (col) => col.primaryKey())
      .addColumn('secret', 'text', (col) => col.notNull())
      .addColumn('created_at', c.bigint, (col) => col.notNull())
      .execute();
  },
};

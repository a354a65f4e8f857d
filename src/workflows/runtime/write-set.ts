import type { Insertable } from 'kysely';
import type { CloudEvent } from '../../model/index.js';
import type {
  WorkflowHistoryTable,
  WorkflowInstancesTable,
  WorkflowTasksTable,
  WorkflowTimersTable,
  WorkflowWebhooksTable,
} from '../workflow-tables.js';
import { instanceToRow, type InstanceRecord } from './instance-record.js';
import { multiRowStatement } from './multi-row-statement.js';
import { chunk } from '../../store/index.js';
import type { WorkflowDb } from './workflow-db.js';

/** The key of one ledger entry: a step's effects for one trigger. */
export function ledgerKey(instance: string, step: string, kind: string, trigger: string): string {
  return `${instance}|${step}|${kind}|${trigger}`;
}

/**
 * Everything one batch changes, collected in memory and written with a handful of multi-row statements,
 * inside the transaction that also appends the batch's events and moves the cursor.
 */
export class WriteSet {
  readonly instances = new Map<string, InstanceRecord>();
  readonly history: Insertable<WorkflowHistoryTable>[] = [];
  timers: Insertable<WorkflowTimersTable>[] = [];
  readonly cancelledTimers: { instanceId: string; step?: string }[] = [];
  readonly tasks: Insertable<WorkflowTasksTable>[] = [];
  readonly overdueTasks = new Set<string>();
  readonly webhooks: Insertable<WorkflowWebhooksTable>[] = [];
  readonly events: CloudEvent[] = [];
  /** Ledger entries present in the store, and those added by this batch. */
  readonly ledger: Set<string>;

  constructor(ledger: Iterable<string> = []) {
    this.ledger = new Set(ledger);
  }

  touch(record: InstanceRecord): void {
    this.instances.set(record.id, record);
  }

  /**
   * Cancels an instance's pending step timeouts (of one step, or all), including ones created earlier in this
   * batch. Task due times stay: a task outlives the step that created it until someone completes it.
   */
  cancelTimeouts(instanceId: string, step?: string): void {
    this.timers = this.timers.filter(
      (t) => t.instance_id !== instanceId || t.kind !== 'timeout' || (step !== undefined && t.step !== step),
    );
    this.cancelledTimers.push({ instanceId, ...(step !== undefined ? { step } : {}) });
  }

  async flush(db: WorkflowDb, now: number): Promise<void> {
    for (const part of chunk([...this.instances.values()].map(instanceToRow))) await upsertInstances(db, part);
    for (const part of chunk(this.history)) await insertHistory(db, part);
    // Grouped by step, so a batch cancels with a few statements however many instances moved on.
    const byStep = new Map<string | undefined, string[]>();
    for (const { instanceId, step } of this.cancelledTimers)
      byStep.set(step, [...(byStep.get(step) ?? []), instanceId]);
    for (const [step, ids] of byStep) {
      for (const part of chunk(ids)) {
        let update = db
          .updateTable('workflow_timers')
          .set({ state: 'cancelled', fired_at: now })
          .where('instance_id', 'in', part)
          .where('state', '=', 'pending')
          .where('kind', '=', 'timeout');
        if (step !== undefined) update = update.where('step', '=', step);
        await update.execute();
      }
    }
    for (const part of chunk(this.timers, 200)) await db.insertInto('workflow_timers').values(part).execute();
    for (const part of chunk(this.tasks, 200)) await db.insertInto('workflow_tasks').values(part).execute();
    for (const part of chunk([...this.overdueTasks]))
      await db.updateTable('workflow_tasks').set({ overdue: 1 }).where('id', 'in', part).execute();
    for (const part of chunk(this.webhooks, 200))
      await db
        .insertInto('workflow_webhooks')
        .values(part)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
  }
}

const upsertInstances = multiRowStatement<WorkflowInstancesTable>(
  [
    'id',
    'workflow',
    'case_id',
    'cell',
    'template',
    'state',
    'step',
    'vars',
    'started_seq',
    'last_seq',
    'transitions',
    'error',
    'created_at',
    'updated_at',
    'completed_at',
  ],
  (db, rows) =>
    db
      .insertInto('workflow_instances')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          step: eb.ref('excluded.step'),
          vars: eb.ref('excluded.vars'),
          last_seq: eb.ref('excluded.last_seq'),
          transitions: eb.ref('excluded.transitions'),
          error: eb.ref('excluded.error'),
          updated_at: eb.ref('excluded.updated_at'),
          completed_at: eb.ref('excluded.completed_at'),
        })),
      ),
);

const insertHistory = multiRowStatement<Insertable<WorkflowHistoryTable>>(
  ['instance_id', 'step', 'kind', 'trigger', 'at', 'detail'],
  (db, rows) =>
    db
      .insertInto('workflow_history')
      .values(rows)
      .onConflict((oc) => oc.columns(['instance_id', 'step', 'kind', 'trigger']).doNothing()),
);

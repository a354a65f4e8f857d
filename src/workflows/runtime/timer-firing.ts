import type { Selectable } from 'kysely';
import { instanceFromRow } from './instance-record.js';
import { fireTaskDue, fireTimeout, type StepContext } from './step-executor.js';
import { timerTrigger } from './trigger.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import type { WorkflowTimersTable } from '../workflow-tables.js';
import { chunk } from '../../store/index.js';
import type { WorkflowDb } from './workflow-db.js';
import { WriteSet } from './write-set.js';
import { loadLedger } from './event-batch.js';

type TimerRow = Selectable<WorkflowTimersTable>;

/** Timers that are due, soonest first (read outside the transaction that claims them). */
export async function dueTimers(db: WorkflowDb, now: number, limit: number): Promise<TimerRow[]> {
  return db
    .selectFrom('workflow_timers')
    .selectAll()
    .where('state', '=', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/**
 * Claims due timers and runs what they trigger, in the caller's transaction. A timer is claimed by a
 * conditional update (`pending` → `fired`), so it fires once even when several processes poll; the claim
 * commits with its effects, so a crash before the commit leaves it pending and it fires after the restart.
 */
export async function fireTimers(
  db: WorkflowDb,
  registry: WorkflowRegistry,
  candidates: readonly TimerRow[],
  now: number,
): Promise<{ writes: WriteSet; fired: number }> {
  const claimed: TimerRow[] = [];
  for (const timer of candidates) {
    const result = await db
      .updateTable('workflow_timers')
      .set({ state: 'fired', fired_at: now })
      .where('id', '=', timer.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push(timer);
  }
  const writes = new WriteSet(
    await loadLedger(db, [...new Set(claimed.map((t) => t.instance_id))], new Set(claimed.map((t) => `t${t.id}`))),
  );
  if (claimed.length === 0) return { writes, fired: 0 };
  const ctx: StepContext = { now, writes };
  const instances = new Map<string, ReturnType<typeof instanceFromRow>>();
  for (const part of chunk([...new Set(claimed.map((t) => t.instance_id))])) {
    for (const row of await db.selectFrom('workflow_instances').selectAll().where('id', 'in', part).execute())
      instances.set(row.id, instanceFromRow(row));
  }
  const taskIds = claimed.flatMap((t) => (t.task_id ? [t.task_id] : []));
  const tasks = new Map<string, { id: string; step: string; cell: string; title: string; state: string }>();
  for (const part of chunk(taskIds)) {
    for (const row of await db
      .selectFrom('workflow_tasks')
      .select(['id', 'step', 'cell', 'title', 'state'])
      .where('id', 'in', part)
      .execute())
      tasks.set(row.id, row);
  }
  for (const timer of claimed) {
    const record = instances.get(timer.instance_id);
    if (!record) continue;
    const trigger = timerTrigger(timer, record);
    if (timer.kind === 'task-due') {
      const task = timer.task_id ? tasks.get(timer.task_id) : undefined;
      if (task && (task.state === 'open' || task.state === 'claimed')) fireTaskDue(ctx, record, task, trigger);
      continue;
    }
    // A timeout matters only while the instance still waits at the step that armed it.
    if (record.state !== 'waiting' || record.step !== timer.step) continue;
    const workflow = registry.workflows.get(record.workflow);
    const index = workflow?.stepIndex.get(timer.step);
    if (!workflow || index === undefined) continue;
    fireTimeout(ctx, workflow, record, workflow.steps[index]!, trigger);
  }
  return { writes, fired: claimed.length };
}

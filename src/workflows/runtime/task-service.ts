import { Type } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import {
  WorkflowTaskClaimed,
  WorkflowTaskCompleted,
  type CloudEvent,
  type Principal,
  type TaskView,
} from '../../model/index.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError, type Clock } from '../../shared/index.js';
import { jsonColumn, type Repositories, type Store } from '../../store/index.js';
import { TASK_STATES, type TaskState, type WorkflowTasksTable } from '../workflow-tables.js';
import { instanceEvent, instanceEventId } from './transition-events.js';
import { principalLabel } from './principal-label.js';
import { workflowDb } from './workflow-db.js';

export type { TaskView } from '../../model/index.js';

export interface TaskFilter {
  /** Only this cell's tasks (a cell token always gets its own). */
  cell?: string;
  state?: TaskState[];
  workflow?: string;
  instance?: string;
  limit?: number;
  /** Cursor: the id of the last task of the previous page (newest first). */
  before?: string;
}

interface Deps {
  store: Store;
  clock: Clock;
  record<T>(work: (tx: Repositories) => Promise<{ result: T; events: CloudEvent[] }>): Promise<T>;
}

/** What completing a task recorded: any JSON value. */
const TASK_RESULT = jsonColumn(Type.Unknown());

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function taskView(row: Selectable<WorkflowTasksTable>): TaskView {
  return {
    id: row.id,
    instance: row.instance_id,
    workflow: row.workflow,
    caseId: row.case_id,
    step: row.step,
    cell: row.cell,
    title: row.title,
    state: row.state,
    claimedBy: row.claimed_by,
    dueAt: iso(row.due_at),
    overdue: row.overdue === 1,
    result: row.result === null ? null : TASK_RESULT.read(row.result, `workflow_tasks.result of ${row.id}`),
    completedBy: row.completed_by,
    createdAt: iso(row.created_at)!,
    claimedAt: iso(row.claimed_at),
    completedAt: iso(row.completed_at),
  };
}

/**
 * Human tasks: list, claim, complete. A cell sees, claims and completes only its own tasks; the admin all.
 * Claiming and completing are conditional updates recorded as events in the same transaction; completing
 * appends `WorkflowTaskCompleted`, which a step can wait for.
 */
export function createTaskService(deps: Deps) {
  const db = () => workflowDb(deps.store.db);

  async function get(id: string, principal?: Principal): Promise<TaskView> {
    const row = await db().selectFrom('workflow_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row)
      throw new NotFoundError(`There is no task "${id}"; list tasks with \`cello tasks list\`.`, { field: 'id' });
    if (principal) mayAct(principal, row.cell, id);
    return taskView(row);
  }

  async function transition(
    id: string,
    principal: Principal,
    to: 'claimed' | 'completed',
    result?: Record<string, unknown>,
  ): Promise<TaskView> {
    const task = await get(id, principal);
    const from: TaskState[] = to === 'claimed' ? ['open'] : ['open', 'claimed'];
    const by = principalLabel(principal);
    const now = deps.clock.now().getTime();
    await deps.record(async (tx) => {
      const wdb = workflowDb(tx.db);
      const changed = await wdb
        .updateTable('workflow_tasks')
        .set(
          to === 'claimed'
            ? { state: 'claimed', claimed_by: by, claimed_at: now }
            : {
                state: 'completed',
                completed_by: by,
                completed_at: now,
                result: result === undefined ? null : TASK_RESULT.write(result),
              },
        )
        .where('id', '=', id)
        .where('state', 'in', from)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        const current = await wdb
          .selectFrom('workflow_tasks')
          .select(['state', 'claimed_by'])
          .where('id', '=', id)
          .executeTakeFirst();
        throw new ConflictError(
          `Task "${id}" is ${current?.state ?? 'gone'}${current?.claimed_by ? ` (claimed by ${current.claimed_by})` : ''}, so it cannot be ${to} now.`,
          {
            field: 'state',
            state: current?.state,
          },
        );
      }
      if (to === 'completed')
        await wdb
          .updateTable('workflow_timers')
          .set({ state: 'cancelled', fired_at: now })
          .where('task_id', '=', id)
          .where('state', '=', 'pending')
          .execute();
      const instance = await wdb
        .selectFrom('workflow_instances')
        .select(['template'])
        .where('id', '=', task.instance)
        .executeTakeFirst();
      const record = {
        id: task.instance,
        workflow: task.workflow,
        template: instance?.template ?? '',
        caseId: task.caseId,
      };
      const data = { instance: task.instance, task: id, step: task.step, cell: task.cell, title: task.title, by };
      const options = { id: instanceEventId(task.instance, 'task', id, to), now, step: task.step };
      return {
        result: undefined,
        events: [
          to === 'claimed'
            ? instanceEvent(record, WorkflowTaskClaimed, data, options)
            : instanceEvent(record, WorkflowTaskCompleted, { ...data, result: result ?? null }, options),
        ],
      };
    });
    return get(id);
  }

  return {
    get,
    async list(filter: TaskFilter = {}): Promise<TaskView[]> {
      let select = db()
        .selectFrom('workflow_tasks')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(Math.min(filter.limit ?? 100, 1000));
      if (filter.cell) select = select.where('cell', '=', filter.cell);
      if (filter.state?.length) select = select.where('state', 'in', filter.state);
      if (filter.workflow) select = select.where('workflow', '=', filter.workflow);
      if (filter.instance) select = select.where('instance_id', '=', filter.instance);
      if (filter.before) select = select.where('id', '<', filter.before);
      return (await select.execute()).map(taskView);
    },
    /** Takes an open task so others of the cell see someone is on it. */
    claim: (id: string, principal: Principal) => transition(id, principal, 'claimed'),
    /** Completes an open or claimed task, with an optional result object the waiting step can read. */
    complete(id: string, principal: Principal, result?: unknown): Promise<TaskView> {
      if (result !== undefined && (result === null || typeof result !== 'object' || Array.isArray(result))) {
        throw new InputError(
          `A task result must be a JSON object such as {"decision": "approved"}, not ${JSON.stringify(result)}.`,
          { field: 'result' },
        );
      }
      return transition(id, principal, 'completed', result as Record<string, unknown> | undefined);
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
export { TASK_STATES };

function mayAct(principal: Principal, cell: string, id: string): void {
  if (principal.kind === 'cell' && principal.cell !== cell) {
    throw new NotAllowedError(`Task "${id}" belongs to cell:${cell}; a cell sees and completes only its own tasks.`, {
      rule: 'own-tasks',
    });
  }
}

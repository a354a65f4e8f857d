import type { InstanceDetail, InstanceView } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { NotFoundError } from '../../shared/index.js';
import type { InstanceState } from '../workflow-tables.js';
import { VARIABLES, instanceFromRow } from './instance-record.js';
import { taskView } from './task-service.js';

export type { HistoryEntry, InstanceDetail, InstanceView } from '../../model/index.js';
import { workflowDb } from './workflow-db.js';

export interface InstanceFilter {
  workflow?: string;
  state?: InstanceState;
  caseId?: string;
  /** Only instances of these workflows (a cell's own). */
  workflows?: string[];
  limit?: number;
  /** Cursor: the id of the last instance of the previous page (newest first). */
  before?: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Reads instances and their history for the API and the CLI. */
export function createInstanceQueries(store: Store) {
  const db = () => workflowDb(store.db);
  const view = (row: Parameters<typeof instanceFromRow>[0]): InstanceView => {
    const r = instanceFromRow(row);
    return {
      id: r.id,
      workflow: r.workflow,
      caseId: r.caseId,
      cell: r.cell,
      template: r.template,
      state: r.state,
      step: r.step,
      vars: r.vars,
      transitions: r.transitions,
      error: r.error,
      startedSeq: r.startedSeq,
      lastSeq: r.lastSeq,
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      completedAt: iso(r.completedAt),
    };
  };
  return {
    async list(filter: InstanceFilter = {}): Promise<InstanceView[]> {
      let select = db()
        .selectFrom('workflow_instances')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(Math.min(filter.limit ?? 100, 1000));
      if (filter.workflow) select = select.where('workflow', '=', filter.workflow);
      if (filter.workflows) select = select.where('workflow', 'in', filter.workflows.length ? filter.workflows : ['']);
      if (filter.state) select = select.where('state', '=', filter.state);
      if (filter.caseId) select = select.where('case_id', '=', filter.caseId);
      if (filter.before) select = select.where('id', '<', filter.before);
      return (await select.execute()).map(view);
    },
    /** Instance counts per workflow and state. */
    async counts(): Promise<Record<string, Partial<Record<InstanceState, number>>>> {
      const rows = await db()
        .selectFrom('workflow_instances')
        .select(['workflow', 'state'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['workflow', 'state'])
        .execute();
      const out: Record<string, Partial<Record<InstanceState, number>>> = {};
      for (const row of rows) (out[row.workflow] ??= {})[row.state] = Number(row.n);
      return out;
    },
    /** One instance with its history, tasks, timers and webhook calls. */
    async get(id: string): Promise<InstanceDetail> {
      const row = await db().selectFrom('workflow_instances').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row)
        throw new NotFoundError(
          `There is no workflow instance "${id}"; list them with \`cello workflows instances\`.`,
          { field: 'id' },
        );
      const [history, tasks, timers, webhooks] = await Promise.all([
        db().selectFrom('workflow_history').selectAll().where('instance_id', '=', id).orderBy('id').execute(),
        db().selectFrom('workflow_tasks').selectAll().where('instance_id', '=', id).orderBy('id').execute(),
        db().selectFrom('workflow_timers').selectAll().where('instance_id', '=', id).orderBy('due_at').execute(),
        db().selectFrom('workflow_webhooks').selectAll().where('instance_id', '=', id).orderBy('created_at').execute(),
      ]);
      return {
        ...view(row),
        history: history.map((h) => ({
          at: iso(Number(h.at))!,
          kind: h.kind,
          step: h.step || null,
          trigger: h.trigger,
          detail: h.detail ? VARIABLES.read(h.detail, `workflow_history.detail of ${h.id}`) : {},
        })),
        tasks: tasks.map(taskView),
        timers: timers.map((t) => ({
          id: t.id,
          step: t.step,
          kind: t.kind,
          dueAt: iso(Number(t.due_at))!,
          state: t.state,
        })),
        webhooks: webhooks.map((w) => ({
          id: w.id,
          step: w.step,
          url: w.url,
          status: w.status,
          attempts: w.attempts,
          lastStatusCode: w.last_status_code,
          lastError: w.last_error,
        })),
      };
    },
    /** The instance of one case of one workflow. */
    async byCase(workflow: string, caseId: string): Promise<InstanceView | undefined> {
      const row = await db()
        .selectFrom('workflow_instances')
        .selectAll()
        .where('workflow', '=', workflow)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return row && view(row);
    },
  };
}

export type InstanceQueries = ReturnType<typeof createInstanceQueries>;

import type { Generated } from 'kysely';
import type { InstanceState, TaskState } from '../model/index.js';
import { OUTBOX_STATUSES } from '../engine/index.js';

export { INSTANCE_STATES, TASK_STATES, type InstanceState, type TaskState } from '../model/index.js';

export const TIMER_STATES = ['pending', 'fired', 'cancelled'] as const;
export const TIMER_KINDS = ['timeout', 'task-due'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** The webhook outbox's statuses: an outbox row's. */
export const WEBHOOK_STATUSES = OUTBOX_STATUSES;

/**
 * The workflow engine's tables (same conventions as the store's: JSON as text, booleans 0/1, times the
 * system schedules as epoch milliseconds). Registered with the store through its own migration.
 */
// A type alias rather than an interface, so Kysely's `withTables` accepts it.
export type WorkflowTables = {
  workflow_instances: WorkflowInstancesTable;
  workflow_history: WorkflowHistoryTable;
  workflow_timers: WorkflowTimersTable;
  workflow_tasks: WorkflowTasksTable;
  workflow_webhooks: WorkflowWebhooksTable;
  workflow_secrets: WorkflowSecretsTable;
};

/** One run of a workflow for one case: unique on (workflow, case_id). */
export interface WorkflowInstancesTable {
  id: string;
  workflow: string;
  case_id: string;
  cell: string;
  /** The template version it runs, `case-handling@2`. */
  template: string;
  state: InstanceState;
  /** The step it waits at; null once finished. */
  step: string | null;
  /** Case variables, JSON. */
  vars: string;
  started_seq: number;
  /** The last event (log position) that moved it. */
  last_seq: number;
  transitions: number;
  error: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

/**
 * Every transition of every instance, and the exactly-once ledger: unique on (instance, step, kind, trigger),
 * where trigger is `e<seq>` (an event), `t<timer id>` (a timer) or `s` (the start).
 */
export interface WorkflowHistoryTable {
  id: Generated<number>;
  instance_id: string;
  step: string;
  /** started, step.completed, escalated, completed, failed, task.created. */
  kind: string;
  trigger: string;
  at: number;
  /** JSON with what the transition did (event type, branch taken, error). */
  detail: string | null;
}

/** Durable timers: step timeouts and task due times. A timer fires once: claimed by a conditional update. */
export interface WorkflowTimersTable {
  id: string;
  instance_id: string;
  step: string;
  kind: TimerKind;
  task_id: string | null;
  due_at: number;
  state: (typeof TIMER_STATES)[number];
  fired_at: number | null;
  created_at: number;
}

/** Human tasks a step created for a cell. */
export interface WorkflowTasksTable {
  id: string;
  instance_id: string;
  workflow: string;
  case_id: string;
  step: string;
  cell: string;
  title: string;
  state: TaskState;
  claimed_by: string | null;
  due_at: number | null;
  overdue: number;
  /** JSON given when completed. */
  result: string | null;
  completed_by: string | null;
  created_at: number;
  claimed_at: number | null;
  completed_at: number | null;
}

/** The outbox of webhook calls steps make. The id is the idempotency key receivers see on every attempt. */
export interface WorkflowWebhooksTable {
  id: string;
  instance_id: string;
  workflow: string;
  step: string;
  url: string;
  /** The JSON body, exactly as sent. */
  body: string;
  status: (typeof WEBHOOK_STATUSES)[number];
  attempts: number;
  next_attempt_at: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

/** The signing secret of each workflow's webhooks. */
export interface WorkflowSecretsTable {
  workflow: string;
  secret: string;
  created_at: number;
}

import {
  celloEvent,
  toStructuredCloudEvent,
  TensionDetected,
  workflowSource,
  WorkflowEscalated,
  WorkflowTaskCreated,
  WorkflowWebhook,
  type CloudEvent,
} from '../../model/index.js';
import { newId } from '../../shared/index.js';
import type { Insertable } from 'kysely';
import type { WorkflowTasksTable, WorkflowTimersTable, WorkflowWebhooksTable } from '../workflow-tables.js';
import type { CompiledAction, CompiledStep, CompiledWorkflow } from './compiled-workflow.js';
import type { InstanceRecord } from './instance-record.js';
import { instanceEvent, instanceEventId, instanceExtensions } from './transition-events.js';
import type { Trigger } from './trigger.js';

/** What a list of actions produced; applied to the batch only when every action succeeded. */
export interface ActionOutcome {
  vars: Record<string, unknown>;
  events: CloudEvent[];
  tasks: Insertable<WorkflowTasksTable>[];
  timers: Insertable<WorkflowTimersTable>[];
  webhooks: Insertable<WorkflowWebhooksTable>[];
  /** The step a branch jumped to. */
  goto: string | undefined;
  complete: boolean;
  /** The kinds of actions that ran, for the history. */
  ran: string[];
}

/**
 * Runs actions in order against a copy of the case variables. A branch that matches, or `complete`, ends the
 * list. Throws when an expression fails; the caller then records the instance as failed and keeps nothing.
 */
export function runActions(
  workflow: CompiledWorkflow,
  record: InstanceRecord,
  step: CompiledStep,
  actions: readonly CompiledAction[],
  trigger: Trigger,
  context: { now: number; reason: 'action' | 'timeout' },
): ActionOutcome {
  const out: ActionOutcome = {
    vars: { ...record.vars },
    events: [],
    tasks: [],
    timers: [],
    webhooks: [],
    goto: undefined,
    complete: false,
    ran: [],
  };
  const scope = () => ({
    event: trigger.view,
    params: workflow.params,
    vars: out.vars,
    instance: {
      id: record.id,
      caseId: record.caseId,
      workflow: record.workflow,
      cell: record.cell,
      template: record.template,
      step: step.id,
    },
  });
  const evaluate = (entries: [string, { evaluate(c: Record<string, unknown>): unknown }][]) =>
    Object.fromEntries(entries.map(([k, e]) => [k, e.evaluate(scope())]));
  const id = (kind: string, index: number) =>
    instanceEventId(record.id, kind, step.id, trigger.key, context.reason, index);
  for (const [index, action] of actions.entries()) {
    out.ran.push(action.kind);
    switch (action.kind) {
      case 'emit':
        // The cell's own event type, not one of Cello's: the same envelope as a transition, but no catalogue entry.
        out.events.push({
          specversion: '1.0',
          id: id('emit', index),
          source: workflowSource(record.workflow),
          type: action.type,
          subject: record.caseId,
          time: new Date(context.now).toISOString(),
          datacontenttype: 'application/json',
          data: evaluate(action.data),
          extensions: instanceExtensions(record, {
            step: step.id,
            ...(trigger.causation ? { causation: trigger.causation } : {}),
          }),
        });
        break;
      case 'webhook': {
        const key = `wfh_${id('webhook', index)}`;
        const body = action.body ? evaluate(action.body) : { vars: out.vars, event: trigger.view.data ?? null };
        const envelope = toStructuredCloudEvent(
          celloEvent(WorkflowWebhook, {
            id: key,
            source: workflowSource(record.workflow),
            subject: record.caseId,
            time: new Date(context.now),
            data: body,
            extensions: instanceExtensions(record, { step: step.id }),
          }),
        );
        out.webhooks.push({
          id: key,
          instance_id: record.id,
          workflow: record.workflow,
          step: step.id,
          url: action.url,
          body: JSON.stringify(envelope),
          status: 'pending',
          attempts: 0,
          next_attempt_at: context.now,
          last_status_code: null,
          last_error: null,
          created_at: context.now,
          updated_at: context.now,
          completed_at: null,
        });
        break;
      }
      case 'task': {
        const taskId = newId();
        const dueAt = action.dueMs !== undefined ? context.now + action.dueMs : null;
        out.tasks.push({
          id: taskId,
          instance_id: record.id,
          workflow: record.workflow,
          case_id: record.caseId,
          step: step.id,
          cell: action.cell,
          title: action.title,
          state: 'open',
          claimed_by: null,
          due_at: dueAt,
          overdue: 0,
          result: null,
          completed_by: null,
          created_at: context.now,
          claimed_at: null,
          completed_at: null,
        });
        if (dueAt !== null) {
          out.timers.push({
            id: newId(),
            instance_id: record.id,
            step: step.id,
            kind: 'task-due',
            task_id: taskId,
            due_at: dueAt,
            state: 'pending',
            fired_at: null,
            created_at: context.now,
          });
        }
        out.events.push(
          instanceEvent(
            record,
            WorkflowTaskCreated,
            {
              instance: record.id,
              task: taskId,
              step: step.id,
              cell: action.cell,
              title: action.title,
              dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
            },
            { id: id('task', index), now: context.now, step: step.id },
          ),
        );
        break;
      }
      case 'set':
        for (const [key, expression] of action.entries) out.vars[key] = expression.evaluate(scope());
        break;
      case 'branch': {
        const taken = action.cases.find((c) => c.when.evaluateBoolean(scope()));
        if (taken) {
          out.goto = taken.goto;
          return out;
        }
        break;
      }
      case 'raiseTension': {
        const tension = { type: action.type, title: action.title, cells: action.cells };
        out.events.push(
          instanceEvent(
            record,
            WorkflowEscalated,
            { instance: record.id, step: step.id, reason: context.reason, tension },
            { id: id('escalated', index), now: context.now, step: step.id },
          ),
          tensionDetected(record, step.id, tension, trigger, context.reason, {
            id: id('tension', index),
            now: context.now,
          }),
        );
        break;
      }
      case 'complete':
        out.complete = true;
        return out;
    }
  }
  return out;
}

/**
 * The request governance turns into a tension (its detector port, `TensionDetected`): one open tension per workflow
 * step, counting how many cases escalated there, with the adopting cell among those involved.
 */
function tensionDetected(
  record: InstanceRecord,
  step: string,
  tension: { type: string; title: string; cells: string[] },
  trigger: Trigger,
  reason: 'action' | 'timeout',
  options: { id: string; now: number },
): CloudEvent {
  const why = reason === 'timeout' ? 'timed out' : 'escalated';
  return celloEvent(TensionDetected, {
    id: options.id,
    source: workflowSource(record.workflow),
    subject: `workflow:${record.workflow}/${step}`,
    time: new Date(options.now),
    data: {
      detector: 'workflow-escalation',
      subject: `workflow:${record.workflow}/${step}`,
      title: tension.title,
      type: tension.type,
      cells: [...new Set([record.cell, ...tension.cells])],
      description: `Case ${record.caseId} of workflow ${record.workflow} (${record.template}) ${why} at step "${step}" (instance ${record.id}).`,
      evidence: [
        `manifest:workflow:${record.workflow}`,
        ...(trigger.seq !== undefined ? [`event:${trigger.seq}`] : []),
      ],
    },
    extensions: { workflow: record.workflow, instance: record.id },
  });
}

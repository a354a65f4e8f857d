import {
  WorkflowCompleted,
  WorkflowEscalated,
  WorkflowFailed,
  WorkflowStarted,
  WorkflowStepCompleted,
} from '../../model/index.js';
import { errorMessage, newId } from '../../shared/index.js';
import { runActions, type ActionOutcome } from './action-runner.js';
import type { CompiledStep, CompiledWorkflow } from './compiled-workflow.js';
import type { InstanceRecord } from './instance-record.js';
import { instanceEvent, instanceEventId } from './transition-events.js';
import type { Trigger } from './trigger.js';
import { ledgerKey, type WriteSet } from './write-set.js';

/** A branch that loops through steps that do not wait would never end; one trigger runs at most this many steps. */
export const MAX_STEPS_PER_TRIGGER = 100;

/** What step execution needs: the time, and the batch it writes into. */
export interface StepContext {
  now: number;
  writes: WriteSet;
}

/** Creates the instance for a case and runs it until it waits or ends. */
export function startInstance(
  ctx: StepContext,
  workflow: CompiledWorkflow,
  caseId: string,
  trigger: Trigger,
): InstanceRecord {
  const record: InstanceRecord = {
    id: newId(),
    workflow: workflow.name,
    caseId,
    cell: workflow.cell,
    template: workflow.template,
    state: 'waiting',
    step: null,
    vars: {},
    startedSeq: trigger.seq ?? 0,
    lastSeq: trigger.seq ?? 0,
    transitions: 0,
    error: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    completedAt: null,
  };
  ctx.writes.touch(record);
  history(ctx, record, '', 'started', trigger, { event: trigger.ref });
  ctx.writes.events.push(
    instanceEvent(
      record,
      WorkflowStarted,
      {
        instance: record.id,
        workflow: workflow.name,
        cell: workflow.cell,
        template: workflow.template,
        caseId,
        trigger: trigger.ref,
      },
      {
        id: instanceEventId(record.id, 'started'),
        now: ctx.now,
      },
    ),
  );
  runFrom(ctx, workflow, record, 0, trigger, false);
  return record;
}

/** The event a waiting step was waiting for arrived: run that step and what follows. */
export function advanceInstance(
  ctx: StepContext,
  workflow: CompiledWorkflow,
  record: InstanceRecord,
  step: CompiledStep,
  trigger: Trigger,
): void {
  if (step.timeout) ctx.writes.cancelTimeouts(record.id, step.id);
  runFrom(ctx, workflow, record, step.index, trigger, true);
}

/**
 * Runs steps from `index`: a step that waits for an event parks the instance there (arming its timeout),
 * unless `matched` says its event just arrived. Each step's effects are recorded once per trigger.
 */
export function runFrom(
  ctx: StepContext,
  workflow: CompiledWorkflow,
  record: InstanceRecord,
  index: number,
  trigger: Trigger,
  matched: boolean,
): void {
  for (let ran = 0; ; ran++) {
    const step = workflow.steps[index];
    if (!step) return complete(ctx, record, trigger);
    if (step.waitsFor && !matched) return wait(ctx, record, step);
    matched = false;
    if (ran >= MAX_STEPS_PER_TRIGGER) {
      return fail(
        ctx,
        record,
        step.id,
        trigger,
        `more than ${MAX_STEPS_PER_TRIGGER} steps ran for one trigger, so a branch probably loops through steps that do not wait`,
      );
    }
    const key = ledgerKey(record.id, step.id, 'step.completed', trigger.key);
    // Already recorded for this trigger: its effects happened; do not repeat them.
    if (ctx.writes.ledger.has(key) && !step.idempotentSafe) return;
    let outcome: ActionOutcome;
    try {
      outcome = runActions(workflow, record, step, step.actions, trigger, { now: ctx.now, reason: 'action' });
    } catch (error) {
      return fail(ctx, record, step.id, trigger, errorMessage(error));
    }
    apply(ctx, record, outcome, trigger);
    ctx.writes.ledger.add(key);
    history(ctx, record, step.id, 'step.completed', trigger, {
      ran: outcome.ran,
      ...(outcome.goto ? { goto: outcome.goto } : {}),
    });
    ctx.writes.events.push(
      instanceEvent(
        record,
        WorkflowStepCompleted,
        {
          instance: record.id,
          step: step.id,
          mode: step.mode,
          source: step.source,
          trigger: trigger.ref,
          ...(outcome.goto ? { goto: outcome.goto } : {}),
        },
        { id: instanceEventId(record.id, 'step', step.id, trigger.key), now: ctx.now, step: step.id },
      ),
    );
    if (outcome.complete) return complete(ctx, record, trigger);
    index = outcome.goto !== undefined ? workflow.stepIndex.get(outcome.goto)! : index + 1;
  }
}

/** A waiting step's timeout fired: run its timeout actions; the instance keeps waiting unless they branch or complete. */
export function fireTimeout(
  ctx: StepContext,
  workflow: CompiledWorkflow,
  record: InstanceRecord,
  step: CompiledStep,
  trigger: Trigger,
): void {
  const key = ledgerKey(record.id, step.id, 'escalated', trigger.key);
  if (ctx.writes.ledger.has(key) || !step.timeout) return;
  let outcome: ActionOutcome;
  try {
    outcome = runActions(workflow, record, step, step.timeout.actions, trigger, { now: ctx.now, reason: 'timeout' });
  } catch (error) {
    return fail(ctx, record, step.id, trigger, errorMessage(error));
  }
  apply(ctx, record, outcome, trigger);
  ctx.writes.ledger.add(key);
  history(ctx, record, step.id, 'escalated', trigger, { reason: 'timeout', ran: outcome.ran });
  if (!outcome.ran.includes('raiseTension')) {
    ctx.writes.events.push(
      instanceEvent(
        record,
        WorkflowEscalated,
        { instance: record.id, step: step.id, reason: 'timeout', afterMs: step.timeout.ms },
        {
          id: instanceEventId(record.id, 'escalated', step.id, trigger.key),
          now: ctx.now,
          step: step.id,
        },
      ),
    );
  }
  if (outcome.complete) return complete(ctx, record, trigger);
  if (outcome.goto !== undefined) runFrom(ctx, workflow, record, workflow.stepIndex.get(outcome.goto)!, trigger, false);
}

/** A task's due time passed while it was still open: mark it overdue and escalate. */
export function fireTaskDue(
  ctx: StepContext,
  record: InstanceRecord,
  task: { id: string; step: string; cell: string; title: string },
  trigger: Trigger,
): void {
  const key = ledgerKey(record.id, task.step, 'task.overdue', trigger.key);
  if (ctx.writes.ledger.has(key)) return;
  ctx.writes.ledger.add(key);
  ctx.writes.overdueTasks.add(task.id);
  history(ctx, record, task.step, 'task.overdue', trigger, { task: task.id });
  ctx.writes.events.push(
    instanceEvent(
      record,
      WorkflowEscalated,
      {
        instance: record.id,
        step: task.step,
        reason: 'task-overdue',
        task: { id: task.id, cell: task.cell, title: task.title },
      },
      {
        id: instanceEventId(record.id, 'task-overdue', task.id),
        now: ctx.now,
        step: task.step,
      },
    ),
  );
}

/** Records the instance as failed: it stops, keeps its history, and says why. */
export function fail(ctx: StepContext, record: InstanceRecord, step: string, trigger: Trigger, reason: string): void {
  record.state = 'failed';
  record.error = `Step "${step}" failed: ${reason}`;
  touch(ctx, record, trigger);
  ctx.writes.cancelTimeouts(record.id);
  history(ctx, record, step, 'failed', trigger, { error: record.error });
  ctx.writes.events.push(
    instanceEvent(
      record,
      WorkflowFailed,
      { instance: record.id, step, error: record.error },
      { id: instanceEventId(record.id, 'failed', trigger.key), now: ctx.now, step },
    ),
  );
}

function wait(ctx: StepContext, record: InstanceRecord, step: CompiledStep): void {
  record.state = 'waiting';
  record.step = step.id;
  ctx.writes.touch(record);
  if (step.timeout) {
    ctx.writes.timers.push({
      id: newId(),
      instance_id: record.id,
      step: step.id,
      kind: 'timeout',
      task_id: null,
      due_at: ctx.now + step.timeout.ms,
      state: 'pending',
      fired_at: null,
      created_at: ctx.now,
    });
  }
}

function complete(ctx: StepContext, record: InstanceRecord, trigger: Trigger): void {
  record.state = 'completed';
  record.step = null;
  record.completedAt = ctx.now;
  touch(ctx, record, trigger);
  ctx.writes.cancelTimeouts(record.id);
  history(ctx, record, '', 'completed', trigger, {});
  ctx.writes.events.push(
    instanceEvent(
      record,
      WorkflowCompleted,
      {
        instance: record.id,
        transitions: record.transitions,
        durationMs: ctx.now - record.createdAt,
        vars: record.vars,
      },
      {
        id: instanceEventId(record.id, 'completed'),
        now: ctx.now,
      },
    ),
  );
}

function apply(ctx: StepContext, record: InstanceRecord, outcome: ActionOutcome, trigger: Trigger): void {
  record.vars = outcome.vars;
  record.transitions += 1;
  touch(ctx, record, trigger);
  ctx.writes.events.push(...outcome.events);
  ctx.writes.tasks.push(...outcome.tasks);
  ctx.writes.timers.push(...outcome.timers);
  ctx.writes.webhooks.push(...outcome.webhooks);
}

function touch(ctx: StepContext, record: InstanceRecord, trigger: Trigger): void {
  record.updatedAt = ctx.now;
  if (trigger.seq !== undefined) record.lastSeq = Math.max(record.lastSeq, trigger.seq);
  ctx.writes.touch(record);
}

function history(
  ctx: StepContext,
  record: InstanceRecord,
  step: string,
  kind: string,
  trigger: Trigger,
  detail: Record<string, unknown>,
): void {
  ctx.writes.history.push({
    instance_id: record.id,
    step,
    kind,
    trigger: trigger.key,
    at: ctx.now,
    detail: JSON.stringify({ trigger: trigger.ref, ...detail }),
  });
}

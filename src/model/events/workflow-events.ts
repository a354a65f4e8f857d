import { Type } from '@sinclair/typebox';
import { STEP_MODES } from '../manifests/index.js';
import { defineEvent } from './event-definition.js';
import { WORKFLOW_SOURCE_PATTERN } from './event-sources.js';

export const WorkflowStarted = 'dev.cello.workflow.started';
export const WorkflowStepCompleted = 'dev.cello.workflow.step.completed';
export const WorkflowEscalated = 'dev.cello.workflow.escalated';
export const WorkflowCompleted = 'dev.cello.workflow.completed';
export const WorkflowFailed = 'dev.cello.workflow.failed';
export const WorkflowTimer = 'dev.cello.workflow.timer';

/** Every workflow event's type starts with this; they reach only the workflow their `workflow` extension names. */
export const WORKFLOW_EVENT_PREFIX = 'dev.cello.workflow.';

/** What the subject of an event about one workflow instance holds. */
export const INSTANCE_SUBJECT =
  'the case id; extensions workflow, template (name@version), instance, and step for events of one step';

/** What moved the instance: the type, id and log position of an event, or a timer (no position). */
const TriggerRef = Type.Object({ type: Type.String(), id: Type.String(), seq: Type.Optional(Type.Number()) });

/** Workflow instance events: every transition of a case, which insights mine per workflow and template. */
export const WORKFLOW_EVENTS = {
  [WorkflowStarted]: defineEvent({
    description: 'An event started a workflow instance for its case.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({
      instance: Type.String(),
      workflow: Type.String(),
      cell: Type.String({ description: 'the adopting cell' }),
      template: Type.String({ description: 'name@version' }),
      caseId: Type.String(),
      trigger: TriggerRef,
    }),
  }),
  [WorkflowStepCompleted]: defineEvent({
    description: "A step's actions ran.",
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({
      instance: Type.String(),
      step: Type.String(),
      mode: Type.Union(STEP_MODES.map((m) => Type.Literal(m))),
      source: Type.Union([Type.Literal('template'), Type.Literal('added'), Type.Literal('replaced')], {
        description: "where the step comes from: the template, or the cell's adaptation",
      }),
      trigger: TriggerRef,
      goto: Type.Optional(Type.String({ description: 'the step a branch jumped to' })),
    }),
  }),
  [WorkflowEscalated]: defineEvent({
    description: 'A step raised a tension, a waiting step timed out, or a task went past its due time.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Union([
      Type.Object({
        instance: Type.String(),
        step: Type.String(),
        reason: Type.Union([Type.Literal('action'), Type.Literal('timeout')]),
        tension: Type.Object({ type: Type.String(), title: Type.String(), cells: Type.Array(Type.String()) }),
      }),
      Type.Object({
        instance: Type.String(),
        step: Type.String(),
        reason: Type.Literal('timeout'),
        afterMs: Type.Number(),
      }),
      Type.Object({
        instance: Type.String(),
        step: Type.String(),
        reason: Type.Literal('task-overdue'),
        task: Type.Object({ id: Type.String(), cell: Type.String(), title: Type.String() }),
      }),
    ]),
  }),
  [WorkflowCompleted]: defineEvent({
    description: 'The instance completed.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({
      instance: Type.String(),
      transitions: Type.Number(),
      durationMs: Type.Number(),
      vars: Type.Record(Type.String(), Type.Unknown(), { description: 'the case variables at the end' }),
    }),
  }),
  [WorkflowFailed]: defineEvent({
    description: 'A step failed (an expression could not be evaluated, or a branch looped); the instance stopped.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({ instance: Type.String(), step: Type.String(), error: Type.String() }),
  }),
  [WorkflowTimer]: defineEvent({
    description:
      'Not in the log: what the actions of a timeout see as `event` when a waiting step or a task runs out of time.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: 'the case id',
    data: Type.Object({
      step: Type.String(),
      kind: Type.Union([Type.Literal('timeout'), Type.Literal('task-due')]),
      dueAt: Type.String(),
    }),
  }),
};

import { Type } from '@sinclair/typebox';
import { defineEvent } from './event-definition.js';
import { WORKFLOW_SOURCE_PATTERN } from './event-sources.js';
import { INSTANCE_SUBJECT } from './workflow-events.js';

export const WorkflowTaskCreated = 'dev.cello.workflow.task.created';
export const WorkflowTaskClaimed = 'dev.cello.workflow.task.claimed';
export const WorkflowTaskCompleted = 'dev.cello.workflow.task.completed';

/** What every task event's data says about the task. */
const Task = {
  instance: Type.String(),
  task: Type.String({ description: 'the task id' }),
  step: Type.String(),
  cell: Type.String({ description: 'the cell the task is for' }),
  title: Type.String(),
};

/** Workflow task events: work a step hands to a cell, which a later step can wait for. */
export const WORKFLOW_TASK_EVENTS = {
  [WorkflowTaskCreated]: defineEvent({
    description: 'A step created a task for a cell.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({ ...Task, dueAt: Type.Union([Type.String(), Type.Null()]) }),
  }),
  [WorkflowTaskClaimed]: defineEvent({
    description: 'Someone of the cell took the task.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({ ...Task, by: Type.String() }),
  }),
  [WorkflowTaskCompleted]: defineEvent({
    description: 'The task was completed, with the result a waiting step can read.',
    source: WORKFLOW_SOURCE_PATTERN,
    subject: INSTANCE_SUBJECT,
    data: Type.Object({
      ...Task,
      by: Type.String(),
      result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    }),
  }),
};

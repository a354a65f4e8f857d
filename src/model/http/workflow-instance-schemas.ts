/** Workflow instances and human tasks as the API and the CLI show them. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Where an instance stands. `waiting`: at a step that waits for an event. */
export const INSTANCE_STATES = ['waiting', 'completed', 'failed'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const TASK_STATES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A human task. */
export const TaskView = Type.Object({
  id: Type.String(),
  instance: Type.String(),
  workflow: Type.String(),
  caseId: Type.String(),
  step: Type.String(),
  cell: Type.String(),
  title: Type.String(),
  state: Type.Union(TASK_STATES.map((s) => Type.Literal(s))),
  claimedBy: nullable(Type.String()),
  dueAt: nullable(Type.String()),
  overdue: Type.Boolean(),
  result: Type.Unknown({ description: 'what completing it returned; null while open' }),
  completedBy: nullable(Type.String()),
  createdAt: Type.String(),
  claimedAt: nullable(Type.String()),
  completedAt: nullable(Type.String()),
});
export type TaskView = Static<typeof TaskView>;

const instanceFields = {
  id: Type.String(),
  workflow: Type.String(),
  caseId: Type.String(),
  cell: Type.String(),
  template: Type.String(),
  state: Type.Union(INSTANCE_STATES.map((s) => Type.Literal(s))),
  step: Type.Union([Type.String(), Type.Null()], { description: 'the step it waits at; null once finished' }),
  vars: Type.Record(Type.String(), Type.Unknown()),
  transitions: Type.Integer(),
  error: nullable(Type.String()),
  startedSeq: Type.Integer(),
  lastSeq: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  completedAt: nullable(Type.String()),
};

/** An instance: one case of one workflow. */
export const InstanceView = Type.Object(instanceFields);
export type InstanceView = Static<typeof InstanceView>;

/** One transition, oldest first. */
export const HistoryEntry = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  step: nullable(Type.String()),
  trigger: Type.String({ description: '`e<seq>`: the log event at that position; `t<id>`: a timer' }),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

/** An instance with its history, tasks, timers and webhook calls. */
export const InstanceDetail = Type.Object({
  ...instanceFields,
  history: Type.Array(HistoryEntry),
  tasks: Type.Array(TaskView),
  timers: Type.Array(
    Type.Object({
      id: Type.String(),
      step: Type.String(),
      kind: Type.String(),
      dueAt: Type.String(),
      state: Type.String(),
    }),
  ),
  webhooks: Type.Array(
    Type.Object({
      id: Type.String(),
      step: Type.String(),
      url: Type.String(),
      status: Type.String(),
      attempts: Type.Integer(),
      lastStatusCode: nullable(Type.Integer()),
      lastError: nullable(Type.String()),
    }),
  ),
});
export type InstanceDetail = Static<typeof InstanceDetail>;

/**
 * Workflows over HTTP. Every token reads workflows and instances (the log they come from is readable by all);
 * tasks are a cell's own: a cell token lists, claims and completes only its cell's tasks, the admin all of them.
 */
import { Type } from '@sinclair/typebox';
import { ErrorResponse, REFUSALS } from './error-response.js';
import { defineRoute } from './route-definition.js';
import { INSTANCE_STATES, InstanceDetail, InstanceView, TASK_STATES, TaskView } from './workflow-instance-schemas.js';
import { WorkflowDrift, WorkflowSummary } from './workflow-schemas.js';

const tags = ['workflows'];
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 }));
const Next = Type.Union([Type.String(), Type.Null()], { description: 'the cursor of the next page; null at the end' });

export const WORKFLOW_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/workflows',
    summary: 'Workflows: template version, resolved steps, guardrail verdicts, instance counts',
    tags,
    response: { 200: Type.Object({ workflows: Type.Array(WorkflowSummary) }) },
  }),
  drift: defineRoute({
    method: 'GET',
    url: '/v1/workflows/drift',
    summary: "Each workflow's drift from its template version and from the newest, with upgrade proposals",
    tags,
    response: { 200: Type.Object({ drift: Type.Array(WorkflowDrift) }) },
  }),
  instances: defineRoute({
    method: 'GET',
    url: '/v1/workflows/instances',
    summary: 'Workflow instances, newest first',
    tags,
    querystring: Type.Object({
      workflow: Type.Optional(Type.String()),
      state: Type.Optional(Type.Union(INSTANCE_STATES.map((s) => Type.Literal(s)))),
      case: Type.Optional(Type.String({ description: 'the case id' })),
      before: Type.Optional(Type.String({ description: 'cursor: the id of the last instance of the previous page' })),
      limit: Limit,
    }),
    response: { 200: Type.Object({ instances: Type.Array(InstanceView), next: Next }) },
  }),
  instance: defineRoute({
    method: 'GET',
    url: '/v1/workflows/instances/:id',
    summary: 'One instance with its history, tasks, timers and webhook calls',
    tags,
    params: Id,
    response: { 200: InstanceDetail, 404: ErrorResponse },
  }),
  secret: defineRoute({
    method: 'GET',
    url: '/v1/workflows/:name/secret',
    summary: "The signing secret of a workflow's webhook calls (its cell or the admin)",
    tags,
    params: Type.Object({ name: Type.String() }),
    response: { 200: Type.Object({ workflow: Type.String(), secret: Type.String() }), ...REFUSALS },
  }),
};

export const TASK_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/workflows/tasks',
    summary: "Human tasks, newest first (a cell token sees its cell's)",
    tags,
    querystring: Type.Object({
      state: Type.Optional(Type.Union(TASK_STATES.map((s) => Type.Literal(s)))),
      workflow: Type.Optional(Type.String()),
      instance: Type.Optional(Type.String()),
      cell: Type.Optional(Type.String({ description: 'admin only: one cell' })),
      before: Type.Optional(Type.String()),
      limit: Limit,
    }),
    response: { 200: Type.Object({ tasks: Type.Array(TaskView), next: Next }), 403: ErrorResponse },
  }),
  show: defineRoute({
    method: 'GET',
    url: '/v1/workflows/tasks/:id',
    summary: 'One task',
    tags,
    params: Id,
    response: { 200: TaskView, ...REFUSALS },
  }),
  claim: defineRoute({
    method: 'POST',
    url: '/v1/workflows/tasks/:id/claim',
    summary: 'Claim an open task',
    tags,
    params: Id,
    response: { 200: TaskView, ...REFUSALS },
  }),
  complete: defineRoute({
    method: 'POST',
    url: '/v1/workflows/tasks/:id/complete',
    summary: 'Complete a task; a step waiting for it reads the result as event.data.result',
    tags,
    params: Id,
    body: Type.Optional(
      Type.Object(
        { result: Type.Optional(Type.Object({}, { additionalProperties: true })) },
        { additionalProperties: false },
      ),
    ),
    response: { 200: TaskView, ...REFUSALS },
  }),
};

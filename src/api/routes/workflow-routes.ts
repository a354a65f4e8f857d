import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  driftReport,
  INSTANCE_STATES,
  TASK_STATES,
  type InstanceState,
  type TaskState,
  type WorkflowEngine,
} from '../../workflows/index.js';
import { NotAllowedError, NotFoundError } from '../../shared/index.js';
import { ErrorResponse } from '../error-schema.js';

const Errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 }));

/**
 * Workflows over HTTP. Every token reads workflows and instances (the log they come from is readable by all);
 * tasks are a cell's own: a cell token lists, claims and completes only its cell's tasks, the admin all of them.
 */
export function workflowRoutes(workflows: WorkflowEngine) {
  return async function workflowPlugin(app: FastifyInstance): Promise<void> {
    const tags = ['workflows'];
    const cellOf = (request: FastifyRequest) =>
      request.principal.kind === 'cell' ? request.principal.cell : undefined;

    app.get(
      '/v1/workflows',
      { schema: { summary: 'Workflows: template version, resolved steps, guardrail verdicts, instance counts', tags } },
      async () => ({
        workflows: await workflows.list(),
      }),
    );

    app.get(
      '/v1/workflows/drift',
      {
        schema: {
          summary: "Each workflow's drift from its template version and from the newest, with upgrade proposals",
          tags,
        },
      },
      async () => ({
        drift: driftReport(workflows.registry().manifests),
      }),
    );

    app.get(
      '/v1/workflows/instances',
      {
        schema: {
          summary: 'Workflow instances, newest first',
          tags,
          querystring: Type.Object({
            workflow: Type.Optional(Type.String()),
            state: Type.Optional(Type.Union(INSTANCE_STATES.map((s) => Type.Literal(s)))),
            case: Type.Optional(Type.String({ description: 'the case id' })),
            before: Type.Optional(
              Type.String({ description: 'cursor: the id of the last instance of the previous page' }),
            ),
            limit: Limit,
          }),
        },
      },
      async (request) => {
        const q = request.query as {
          workflow?: string;
          state?: InstanceState;
          case?: string;
          before?: string;
          limit?: number;
        };
        const limit = q.limit ?? 100;
        const instances = await workflows.instances.list({
          ...(q.workflow ? { workflow: q.workflow } : {}),
          ...(q.state ? { state: q.state } : {}),
          ...(q.case ? { caseId: q.case } : {}),
          ...(q.before ? { before: q.before } : {}),
          limit,
        });
        return { instances, next: instances.length === limit ? instances[instances.length - 1]!.id : null };
      },
    );

    app.get(
      '/v1/workflows/instances/:id',
      {
        schema: {
          summary: 'One instance with its history, tasks, timers and webhook calls',
          tags,
          params: Id,
          response: { 404: ErrorResponse },
        },
      },
      async (request) => workflows.instances.get((request.params as { id: string }).id),
    );

    app.get(
      '/v1/workflows/:name/secret',
      {
        schema: {
          summary: "The signing secret of a workflow's webhook calls (its cell or the admin)",
          tags,
          params: Type.Object({ name: Type.String() }),
          response: Errors,
        },
      },
      async (request) => {
        const { name } = request.params as { name: string };
        const workflow = (await workflows.list()).find((w) => w.name === name);
        if (!workflow)
          throw new NotFoundError(`There is no workflow "${name}"; list them with GET /v1/workflows.`, {
            field: 'name',
          });
        const cell = cellOf(request);
        if (cell && cell !== workflow.cell)
          throw new NotAllowedError(
            `Workflow "${name}" belongs to cell:${workflow.cell}; only that cell and the admin read its secret.`,
            { rule: 'own-workflows' },
          );
        return { workflow: name, secret: await workflows.webhookSecret(name) };
      },
    );

    app.get(
      '/v1/workflows/tasks',
      {
        schema: {
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
        },
      },
      async (request) => {
        const q = request.query as {
          state?: TaskState;
          workflow?: string;
          instance?: string;
          cell?: string;
          before?: string;
          limit?: number;
        };
        const own = cellOf(request);
        const cell = own ?? q.cell?.replace(/^cell:/, '');
        if (own && q.cell && q.cell.replace(/^cell:/, '') !== own) {
          throw new NotAllowedError(`A token of cell:${own} sees only its own tasks, not those of ${q.cell}.`, {
            rule: 'own-tasks',
          });
        }
        const limit = q.limit ?? 100;
        const tasks = await workflows.tasks.list({
          ...(cell ? { cell } : {}),
          ...(q.state ? { state: [q.state] } : {}),
          ...(q.workflow ? { workflow: q.workflow } : {}),
          ...(q.instance ? { instance: q.instance } : {}),
          ...(q.before ? { before: q.before } : {}),
          limit,
        });
        return { tasks, next: tasks.length === limit ? tasks[tasks.length - 1]!.id : null };
      },
    );

    app.get(
      '/v1/workflows/tasks/:id',
      { schema: { summary: 'One task', tags, params: Id, response: Errors } },
      async (request) => workflows.tasks.get((request.params as { id: string }).id, request.principal),
    );

    app.post(
      '/v1/workflows/tasks/:id/claim',
      { schema: { summary: 'Claim an open task', tags, params: Id, response: Errors } },
      async (request) => workflows.tasks.claim((request.params as { id: string }).id, request.principal),
    );

    app.post(
      '/v1/workflows/tasks/:id/complete',
      {
        schema: {
          summary: 'Complete a task; a step waiting for it reads the result as event.data.result',
          tags,
          params: Id,
          body: Type.Optional(
            Type.Object(
              { result: Type.Optional(Type.Object({}, { additionalProperties: true })) },
              { additionalProperties: false },
            ),
          ),
          response: Errors,
        },
      },
      async (request) => {
        const body = (request.body ?? {}) as { result?: Record<string, unknown> };
        return workflows.tasks.complete((request.params as { id: string }).id, request.principal, body.result);
      },
    );
  };
}

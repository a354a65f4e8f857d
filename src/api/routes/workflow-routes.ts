import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TASK_ROUTES, WORKFLOW_ROUTES } from '../../model/index.js';
import { NotAllowedError, NotFoundError } from '../../shared/index.js';
import { driftReport, type WorkflowEngine } from '../../workflows/index.js';
import { serveRoute } from '../serve-route.js';

/**
 * Workflows over HTTP. Every token reads workflows and instances (the log they come from is readable by all);
 * tasks are a cell's own: a cell token lists, claims and completes only its cell's tasks, the admin all of them.
 */
export function workflowRoutes(workflows: WorkflowEngine) {
  return async function workflowPlugin(app: FastifyInstance): Promise<void> {
    const cellOf = (request: FastifyRequest) =>
      request.principal.kind === 'cell' ? request.principal.cell : undefined;

    serveRoute(app, WORKFLOW_ROUTES.list, async () => ({ workflows: await workflows.list() }));

    serveRoute(app, WORKFLOW_ROUTES.drift, async () => ({ drift: driftReport(workflows.registry().manifests) }));

    serveRoute(app, WORKFLOW_ROUTES.instances, async (request) => {
      const q = request.query;
      const limit = q.limit ?? 100;
      const instances = await workflows.instances.list({
        ...(q.workflow ? { workflow: q.workflow } : {}),
        ...(q.state ? { state: q.state } : {}),
        ...(q.case ? { caseId: q.case } : {}),
        ...(q.before ? { before: q.before } : {}),
        limit,
      });
      return { instances, next: instances.length === limit ? instances[instances.length - 1]!.id : null };
    });

    serveRoute(app, WORKFLOW_ROUTES.instance, async (request) => workflows.instances.get(request.params.id));

    serveRoute(app, WORKFLOW_ROUTES.secret, async (request) => {
      const { name } = request.params;
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
    });

    serveRoute(app, TASK_ROUTES.list, async (request) => {
      const q = request.query;
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
    });

    serveRoute(app, TASK_ROUTES.show, async (request) => workflows.tasks.get(request.params.id, request.principal));

    serveRoute(app, TASK_ROUTES.claim, async (request) => workflows.tasks.claim(request.params.id, request.principal));

    serveRoute(app, TASK_ROUTES.complete, async (request) =>
      workflows.tasks.complete(request.params.id, request.principal, request.body?.result),
    );
  };
}

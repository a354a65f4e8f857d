import path from 'node:path';
import { callRoute } from '../../client/index.js';
import { loadManifestFolder } from '../../manifests/index.js';
import { INSTANCE_STATES, TASK_ROUTES, TASK_STATES, WORKFLOW_ROUTES, type InstanceDetail } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import { checkWorkflows } from '../../workflows/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { oneOf } from '../one-of.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

type ServerFlags = { url?: string; token?: string; json?: boolean };

const paint = (state: string) =>
  state === 'completed' ? colors.green(state) : state === 'failed' ? colors.red(state) : colors.yellow(state);

/** `cello workflows list|resolve|instances|show` and `cello tasks list|claim|complete`. */
export const registerWorkflows: RegisterCommand = (program, context) => {
  const workflows = program
    .command('workflows')
    .description("Cells' workflows: resolved steps, running instances and their history");

  withServerOptions(
    workflows
      .command('list')
      .description('Workflows on the server: template version, steps, guardrails, instance counts')
      .option('--json', 'print JSON'),
  ).action(async (flags: ServerFlags) => {
    const { workflows: list } = await callRoute(connect(flags, context), WORKFLOW_ROUTES.list);
    if (flags.json) return context.output.out(JSON.stringify(list, null, 2));
    if (list.length === 0) context.output.out('No workflows are applied.');
    for (const w of list) {
      const counts =
        Object.entries(w.instances)
          .map(([state, n]) => `${n} ${state}`)
          .join(', ') || 'no instances';
      context.output.out(
        `${colors.bold(w.name)} (cell:${w.cell}) ${w.template}@${w.version ?? '?'}${w.runnable ? '' : colors.red(' not running')}  ${colors.dim(counts)}`,
      );
      context.output.out(`    ${w.steps.map((s) => s.id).join(' → ')}`);
      for (const p of w.problems.filter((x) => x.severity === 'error'))
        context.output.out(`    ${colors.red('error')} ${p.message}`);
      for (const g of w.guardrails)
        context.output.out(`    ${g.action === 'deny' ? colors.red('deny') : colors.yellow('warn')} ${g.message}`);
    }
  });

  workflows
    .command('resolve [dir]')
    .description(
      'Resolve the workflows of a manifest folder against their templates (offline): steps, parameters, guardrail verdicts',
    )
    .option('--workflow <name>', 'only this workflow')
    .option('--json', 'print JSON')
    .action(async (dir: string | undefined, flags: { workflow?: string; json?: boolean }) => {
      const folder = path.resolve(context.cwd, dir ?? '.');
      const loaded = await loadManifestFolder(folder, { asyncapi: false });
      const checks = checkWorkflows(loaded.manifests.map((m) => m.manifest)).workflows.filter(
        (c) => !flags.workflow || c.manifest.metadata.name === flags.workflow,
      );
      if (flags.json) {
        context.output.out(
          JSON.stringify(
            checks.map((c) => ({
              workflow: c.manifest.metadata.name,
              runnable: c.runnable,
              resolved: c.resolution.workflow ?? null,
              problems: c.resolution.problems,
              guardrails: c.verdicts,
            })),
            null,
            2,
          ),
        );
      } else {
        if (checks.length === 0)
          context.output.out(
            flags.workflow ? `No workflow "${flags.workflow}" in ${folder}.` : `No workflows in ${folder}.`,
          );
        for (const check of checks) printResolution(check, context);
      }
      if (checks.some((c) => !c.runnable)) context.exit(EXIT.findings);
    });

  withServerOptions(
    workflows
      .command('instances')
      .description('Workflow instances, newest first')
      .option('--workflow <name>', 'only this workflow')
      .option('--state <state>', 'waiting, completed or failed')
      .option('--case <id>', 'only this case')
      .option('--limit <n>', 'how many', '50')
      .option('--json', 'print JSON'),
  ).action(async (flags: ServerFlags & { workflow?: string; state?: string; case?: string; limit: string }) => {
    const { instances } = await callRoute(connect(flags, context), WORKFLOW_ROUTES.instances, {
      query: {
        limit: Number(flags.limit),
        ...(flags.workflow ? { workflow: flags.workflow } : {}),
        ...(flags.state ? { state: oneOf(INSTANCE_STATES, flags.state, '--state') } : {}),
        ...(flags.case ? { case: flags.case } : {}),
      },
    });
    if (flags.json) return context.output.out(JSON.stringify(instances, null, 2));
    if (instances.length === 0) context.output.out('No instances match.');
    for (const i of instances) {
      context.output.out(
        `${i.id}  ${paint(i.state)}${i.step ? ` at ${i.step}` : ''}  ${i.workflow}  case ${colors.bold(i.caseId)}  ${colors.dim(`${i.template}, ${i.transitions} step(s), since ${i.createdAt}`)}`,
      );
    }
  });

  withServerOptions(
    workflows
      .command('show [instance]')
      .description('One instance with its history, tasks, timers and webhook calls')
      .option('--workflow <name>', 'with --case: find the instance by its case')
      .option('--case <id>', 'the case id')
      .option('--json', 'print JSON'),
  ).action(async (id: string | undefined, flags: ServerFlags & { workflow?: string; case?: string }) => {
    const server = connect(flags, context);
    let instance = id;
    if (!instance) {
      if (!flags.workflow || !flags.case)
        throw new InputError(
          'Name the instance: cello workflows show <instance-id>, or --workflow <name> --case <id>.',
          { field: 'instance' },
        );
      const { instances } = await callRoute(server, WORKFLOW_ROUTES.instances, {
        query: { workflow: flags.workflow, case: flags.case, limit: 1 },
      });
      if (!instances[0])
        throw new InputError(`Workflow "${flags.workflow}" has no instance for case "${flags.case}".`, {
          field: 'case',
        });
      instance = instances[0].id;
    }
    const detail = await callRoute(server, WORKFLOW_ROUTES.instance, { params: { id: instance } });
    if (flags.json) return context.output.out(JSON.stringify(detail, null, 2));
    printInstance(detail, context);
  });

  registerTasks(program, context);
};

function printResolution(check: ReturnType<typeof checkWorkflows>['workflows'][number], context: CommandContext): void {
  const out = (text: string) => context.output.out(text);
  const { manifest, resolution, verdicts, runnable } = check;
  out(
    `${colors.bold(manifest.metadata.name)} (${manifest.spec.cell}) from ${manifest.spec.from}: ${runnable ? colors.green('runs') : colors.red('refused')}`,
  );
  const resolved = resolution.workflow;
  if (resolved) {
    out(
      `    parameters: ${
        Object.entries(resolved.parameters)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(', ') || 'none'
      }`,
    );
    for (const { step, source } of resolved.steps) {
      const tag = source === 'template' ? '' : colors.cyan(` (${source})`);
      const wait = step.on
        ? colors.dim(` waits for ${step.on.type}${step.timeout ? `, timeout ${step.timeout.after}` : ''}`)
        : '';
      out(`    ${step.mode === 'fixed' ? '■' : '□'} ${step.id}${tag}${wait}`);
    }
    if (resolved.removed.length) out(`    removed: ${resolved.removed.join(', ')}`);
  }
  for (const p of resolution.problems)
    out(
      `    ${p.severity === 'error' ? colors.red('error') : colors.yellow('warning')} ${p.message} ${colors.dim(`(${p.path.join('.')})`)}`,
    );
  for (const v of verdicts)
    out(
      `    ${v.action === 'deny' && v.outcome === 'violated' ? colors.red('deny') : colors.yellow('warn')} ${v.message}`,
    );
}

function printInstance(detail: InstanceDetail, context: CommandContext): void {
  const out = (text: string) => context.output.out(text);
  out(
    `${colors.bold(detail.workflow)} case ${colors.bold(detail.caseId)}  ${paint(detail.state)}${detail.step ? ` at ${detail.step}` : ''}`,
  );
  out(
    `    instance ${detail.id}  ${detail.template}  cell:${detail.cell}  started ${detail.createdAt}${detail.completedAt ? `, finished ${detail.completedAt}` : ''}`,
  );
  if (detail.error) out(`    ${colors.red(detail.error)}`);
  if (Object.keys(detail.vars).length) out(`    vars: ${JSON.stringify(detail.vars)}`);
  out('  history:');
  for (const h of detail.history) {
    const trigger = h.trigger.startsWith('e')
      ? `event #${h.trigger.slice(1)}`
      : h.trigger.startsWith('t')
        ? 'timer'
        : h.trigger;
    out(`    ${h.at}  ${h.kind}${h.step ? ` ${colors.bold(h.step)}` : ''}  ${colors.dim(`(${trigger})`)}`);
  }
  if (detail.tasks.length) out('  tasks:');
  for (const t of detail.tasks)
    out(
      `    ${t.id}  ${paint(t.state)}  cell:${t.cell}  ${t.title}${t.dueAt ? colors.dim(` due ${t.dueAt}`) : ''}${t.overdue ? colors.red(' overdue') : ''}`,
    );
  const pending = detail.timers.filter((t) => t.state === 'pending');
  if (pending.length) out('  timers:');
  for (const t of pending) out(`    ${t.kind} of ${t.step} due ${t.dueAt}`);
  if (detail.webhooks.length) out('  webhooks:');
  for (const w of detail.webhooks)
    out(
      `    ${w.step} → ${w.url}  ${paint(w.status === 'succeeded' ? 'completed' : w.status === 'dead' ? 'failed' : w.status)}  ${w.attempts} attempt(s)${w.lastError ? colors.dim(` ${w.lastError}`) : ''}`,
    );
}

function registerTasks(program: Parameters<RegisterCommand>[0], context: CommandContext): void {
  const tasks = program
    .command('tasks')
    .description("Human tasks workflows create for cells: list, claim, complete (a cell token sees its cell's)");

  withServerOptions(
    tasks
      .command('list')
      .description('Tasks, newest first')
      .option('--state <state>', 'open, claimed, completed or cancelled')
      .option('--workflow <name>', 'only this workflow')
      .option('--cell <name>', 'admin: only this cell')
      .option('--json', 'print JSON'),
  ).action(async (flags: ServerFlags & { state?: string; workflow?: string; cell?: string }) => {
    const { tasks: list } = await callRoute(connect(flags, context), TASK_ROUTES.list, {
      query: {
        ...(flags.state ? { state: oneOf(TASK_STATES, flags.state, '--state') } : {}),
        ...(flags.workflow ? { workflow: flags.workflow } : {}),
        ...(flags.cell ? { cell: flags.cell } : {}),
      },
    });
    if (flags.json) return context.output.out(JSON.stringify(list, null, 2));
    if (list.length === 0) context.output.out('No tasks match.');
    for (const t of list) {
      context.output.out(
        `${t.id}  ${paint(t.state)}  cell:${t.cell}  ${colors.bold(t.title)}  ${colors.dim(`${t.workflow} case ${t.caseId}${t.dueAt ? `, due ${t.dueAt}` : ''}`)}${t.overdue ? colors.red(' overdue') : ''}`,
      );
    }
  });

  withServerOptions(
    tasks
      .command('claim <task>')
      .description('Claim an open task, so the cell sees someone is on it')
      .option('--json', 'print JSON'),
  ).action(async (id: string, flags: ServerFlags) => {
    const task = await callRoute(connect(flags, context), TASK_ROUTES.claim, { params: { id } });
    context.output.out(
      flags.json ? JSON.stringify(task, null, 2) : `Claimed ${task.id} (${task.title}) as ${task.claimedBy}.`,
    );
  });

  withServerOptions(
    tasks
      .command('complete <task>')
      .description('Complete a task; the step waiting for it reads the result as event.data.result')
      .option('--result <json>', 'the result as a JSON object, e.g. \'{"decision": "approved"}\'')
      .option(
        '--set <key=value>',
        'a result field (value as JSON, else text); repeatable',
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option('--json', 'print JSON'),
  ).action(async (id: string, flags: ServerFlags & { result?: string; set?: string[] }) => {
    const result = taskResult(flags.result, flags.set);
    const task = await callRoute(connect(flags, context), TASK_ROUTES.complete, {
      params: { id },
      body: result ? { result } : {},
    });
    context.output.out(flags.json ? JSON.stringify(task, null, 2) : `Completed ${task.id} (${task.title}).`);
  });
}

function taskResult(json: string | undefined, pairs: string[] | undefined): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new InputError(`--result is not JSON: ${json}; write an object such as '{"decision": "approved"}'.`, {
        field: 'result',
      });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new InputError('--result must be a JSON object, such as \'{"decision": "approved"}\'.', {
        field: 'result',
      });
    result = parsed as Record<string, unknown>;
  }
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new InputError(`--set "${pair}" is not key=value; e.g. --set decision=approved.`, { field: 'set' });
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    result = { ...result, [pair.slice(0, eq)]: value };
  }
  return result;
}

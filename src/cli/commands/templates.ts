import path from 'node:path';
import { stringify } from 'yaml';
import { callRoute } from '../../client/index.js';
import { loadManifestFolder } from '../../manifests/index.js';
import { WORKFLOW_ROUTES, type Manifest, type WorkflowDrift } from '../../model/index.js';
import { createTemplateCatalog, driftReport } from '../../workflows/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

interface DriftFlags {
  url?: string;
  token?: string;
  json?: boolean;
  workflow?: string;
}

/** `cello templates list [dir]` and `cello templates drift [dir]`. */
export const registerTemplates: RegisterCommand = (program, context) => {
  const templates = program
    .command('templates')
    .description('Best-practice workflow templates: their versions, and how far adopting workflows drifted');

  templates
    .command('list [dir]')
    .description('Every template version in a manifest folder, with the workflows that adapt it')
    .option('--json', 'print JSON')
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const manifests = await loadFolder(dir, context);
      const catalog = createTemplateCatalog(manifests);
      const workflows = manifests.filter((m) => m.kind === 'Workflow');
      const rows = catalog.names().flatMap((name) =>
        catalog.versions(name).map((t) => ({
          template: name,
          version: t.spec.version,
          steps: t.spec.steps.map((s) => `${s.id}${s.mode === 'fixed' ? '*' : ''}`),
          adoptedBy: workflows
            .filter((w) => catalog.get(w.spec.from) === t)
            .map((w) => `${w.metadata.name} (${w.spec.cell})`),
        })),
      );
      if (flags.json) return context.output.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return context.output.out('No templates in this folder.');
      for (const row of rows) {
        context.output.out(`${colors.bold(`${row.template}@${row.version}`)}  ${row.steps.join(' → ')}`);
        context.output.out(`    adopted by: ${row.adoptedBy.join(', ') || colors.dim('nobody')}`);
      }
      context.output.out(colors.dim('(* fixed step: a workflow cannot remove or replace it)'));
    });

  withServerOptions(
    templates
      .command('drift [dir]')
      .description(
        "Each workflow's diff from its template version and from the newest, with an upgrade proposed by three-way merge (offline on a folder, or --url)",
      )
      .option('--workflow <name>', 'only this workflow')
      .option('--json', 'print JSON'),
  ).action(async (dir: string | undefined, flags: DriftFlags) => {
    const report = flags.url
      ? (await callRoute(connect(flags, context), WORKFLOW_ROUTES.drift)).drift
      : driftReport(await loadFolder(dir, context));
    const shown = report.filter((d) => !flags.workflow || d.workflow === flags.workflow);
    if (flags.json) return context.output.out(JSON.stringify(shown, null, 2));
    if (shown.length === 0)
      return context.output.out(
        flags.workflow
          ? `No workflow "${flags.workflow}" adapts a template here.`
          : 'No workflows adapt a template here.',
      );
    shown.forEach((drift, i) => {
      if (i > 0) context.output.out('');
      printDrift(drift, context);
    });
  });
};

async function loadFolder(dir: string | undefined, context: CommandContext): Promise<Manifest[]> {
  const folder = path.resolve(context.cwd, dir ?? '.');
  const loaded = await loadManifestFolder(folder, { asyncapi: false });
  return loaded.manifests.map((m) => m.manifest);
}

const SIGN = {
  added: colors.green('+'),
  removed: colors.red('-'),
  changed: colors.yellow('~'),
  moved: colors.cyan('↕'),
};

function printDrift(drift: WorkflowDrift, context: CommandContext): void {
  const out = (text: string) => context.output.out(text);
  const behind =
    drift.newest > drift.adopted ? colors.yellow(`; newest is @${drift.newest}`) : colors.green(' (the newest)');
  out(`${colors.bold(drift.workflow)} (cell:${drift.cell}) adapts ${drift.template}@${drift.adopted}${behind}`);
  for (const p of drift.parameters)
    out(
      `    parameter ${p.name} = ${JSON.stringify(p.value)}${p.default !== undefined ? colors.dim(` (default ${JSON.stringify(p.default)})`) : ''}`,
    );
  const changes = (label: string, list: WorkflowDrift['fromAdopted']) => {
    out(`  ${label}${list.length === 0 ? colors.dim(' no differences') : ''}`);
    for (const c of list)
      out(`    ${SIGN[c.change]} ${c.step} ${colors.dim(c.change + (c.fields ? `: ${c.fields.join(', ')}` : ''))}`);
  };
  changes(`against ${drift.template}@${drift.adopted} (what the cell changed):`, drift.fromAdopted);
  if (!drift.upgrade) return;
  changes(`what @${drift.newest} changed against @${drift.adopted}:`, drift.templateChanges);
  changes(`against ${drift.template}@${drift.newest} (the newest):`, drift.fromNewest);
  const { upgrade } = drift;
  const conflicts = upgrade.conflicts.length + upgrade.parameterConflicts.length;
  out(
    `  upgrade to @${upgrade.to}: ${conflicts === 0 ? colors.green('merges cleanly') : colors.red(`${conflicts} conflict(s)`)}`,
  );
  for (const c of upgrade.conflicts)
    out(
      `    ${colors.red('!')} ${c.step}: ${c.reason}; the proposal keeps ${c.took === 'ours' ? "the workflow's step" : `the step of @${upgrade.to}`}`,
    );
  for (const c of upgrade.parameterConflicts) out(`    ${colors.red('!')} parameter ${c.name}: ${c.reason}`);
  for (const p of upgrade.problems) out(`    ${colors.red('!')} ${p.message}`);
  out(`  proposed ${drift.workflow} for @${upgrade.to}:`);
  for (const line of stringify(upgrade.workflow).trimEnd().split('\n')) out(`    ${line}`);
}

import path from 'node:path';
import { LINT_RULES_OF_MODULES, announceCommit, compileConfig, openStore } from '../../app/index.js';
import { applyManifests, planChanges, validateFolder, type Plan } from '../../manifests/index.js';
import { ManifestApplied } from '../../model/index.js';
import { systemClock } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { colors } from '../output.js';
import { printFindings } from './validate.js';

interface StoreFlags {
  dataDir: string;
  format: string;
}

/** `cello plan [dir]` and `cello apply [dir]`: diff the folder against the store, then write new versions. */
export const registerApply: RegisterCommand = (program, context) => {
  for (const name of ['plan', 'apply'] as const) {
    program
      .command(`${name} [dir]`)
      .description(
        name === 'plan'
          ? 'Show what `cello apply` would change: added, changed (per field) and removed manifests'
          : 'Validate the folder and store every changed manifest as a new version, in one transaction',
      )
      .option(
        '--data-dir <dir>',
        'SQLite data folder (default: $CELLO_DATA_DIR or .cello; ignored when CELLO_DATABASE_URL is set)',
      )
      .option('--format <format>', 'text or json', 'text')
      .action(async (dir: string | undefined, flags: StoreFlags) => run(name, dir ?? '.', flags, context));
  }
};

async function run(mode: 'plan' | 'apply', dir: string, flags: StoreFlags, context: CommandContext): Promise<void> {
  const folder = path.resolve(context.cwd, dir);
  const { manifests, findings } = await validateFolder(folder, {
    now: systemClock.now(),
    rules: LINT_RULES_OF_MODULES,
  });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    printFindings(findings, context, folder);
    context.output.err(
      `${mode === 'apply' ? 'Nothing was applied' : 'No plan'}: fix the ${errors.length} error(s) above first.`,
    );
    context.exit(EXIT.findings);
    return;
  }
  const config = compileConfig({ dataDir: flags.dataDir, cwd: context.cwd, env: context.env });
  const store = await openStore(config);
  try {
    if (mode === 'plan') {
      const plan = planChanges(manifests, await store.manifests.current());
      printPlan(plan, flags.format, context);
      return;
    }
    const result = await applyManifests(store, manifests, { clock: systemClock, actor: 'cli' });
    printPlan(result.plan, flags.format, context, result.eventSeq);
    if (result.eventSeq !== undefined) {
      // Servers on NATS hear of the apply at once; without NATS (or if it fails) they notice it on their next poll.
      await announceCommit(config, { lastSeq: result.eventSeq, types: [ManifestApplied] }).catch((error: unknown) =>
        context.output.err(
          `warning: could not announce the apply on NATS (${(error as Error).message}); servers pick it up within a second.`,
        ),
      );
    }
  } finally {
    await store.close();
  }
}

function printPlan(plan: Plan, format: string, context: CommandContext, appliedSeq?: number): void {
  if (format === 'json') {
    context.output.out(
      JSON.stringify(
        {
          items: plan.items.map(({ manifest: _m, ...item }) => item),
          unchanged: plan.unchanged,
          eventSeq: appliedSeq ?? null,
        },
        null,
        2,
      ),
    );
    return;
  }
  if (plan.items.length === 0) {
    context.output.out(`No changes: ${plan.unchanged} manifest(s) already applied.`);
    return;
  }
  const sign = { add: colors.green('+'), change: colors.yellow('~'), remove: colors.red('-') };
  for (const item of plan.items) {
    context.output.out(`${sign[item.action]} ${item.ref} ${colors.dim(`(v${item.nextVersion})`)}`);
    for (const change of item.changes) {
      context.output.out(`    ${change.path}: ${show(change.before)} → ${show(change.after)}`);
    }
  }
  const count = (a: string) => plan.items.filter((i) => i.action === a).length;
  const summary = `${count('add')} to add, ${count('change')} to change, ${count('remove')} to remove, ${plan.unchanged} unchanged.`;
  context.output.out(
    appliedSeq ? `Applied: ${summary.replaceAll(' to ', ' ')} (event #${appliedSeq})` : `Plan: ${summary}`,
  );
}

function show(value: unknown): string {
  return value === undefined ? colors.dim('(none)') : JSON.stringify(value);
}

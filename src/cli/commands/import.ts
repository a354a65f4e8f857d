import path from 'node:path';
import type { Command } from 'commander';
import {
  formatSyncPlan,
  importBackstage,
  importCodeowners,
  importTeamApi,
  syncImport,
  type ImportSource,
  type ImportTarget,
  type SourceImport,
} from '../../importers/index.js';
import { formatSummary, hasErrors, sortFindings, summarizeFindings, validateFolder } from '../../manifests/index.js';
import { InputError } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printFindings } from './validate.js';

interface ImportFlags {
  out: string;
  dryRun?: boolean;
  format: string;
}

/** `cello import backstage|codeowners|team-api <sources…> --out <org-folder>`: org-as-code from existing truth. */
export const registerImport: RegisterCommand = (program, context) => {
  const command = program
    .command('import')
    .description(
      'Write an org folder from a Backstage catalog, a CODEOWNERS file or Team API documents; importing again keeps your edits',
    );
  withImportOptions(
    command
      .command('backstage <sources...>')
      .description(
        'Catalog files, folders or http(s) URLs: team Groups → cells, Domains and Systems → domains, APIs → offers, consumesApis → expectations and draft agreements',
      ),
  ).action((sources: string[], flags: ImportFlags) =>
    run('backstage', flags, context, (target) => importBackstage(sources, target)),
  );
  withImportOptions(
    command
      .command('codeowners <file>')
      .description('A CODEOWNERS file (or the repository folder holding one): path patterns → domains owned by teams'),
  ).action((file: string, flags: ImportFlags) =>
    run('codeowners', flags, context, (target) => importCodeowners(file, target)),
  );
  withImportOptions(
    command
      .command('team-api <files...>')
      .description(
        'Team API documents (YAML or JSON, one team each): teams → cells, services → offers, dependencies → expectations',
      ),
  ).action((files: string[], flags: ImportFlags) =>
    run('team-api', flags, context, (target) => importTeamApi(files, target)),
  );
};

function withImportOptions(command: Command): Command {
  return command
    .requiredOption('--out <org-folder>', 'the org folder to write (created when missing)')
    .option('--dry-run', 'print what would change, write nothing')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      '\nExit codes: 0 written cleanly, 1 the sources had errors, fields conflicted or the folder does not validate, 2 could not run.',
    );
}

async function run(
  source: ImportSource,
  flags: ImportFlags,
  context: CommandContext,
  read: (target: ImportTarget) => Promise<SourceImport>,
): Promise<void> {
  if (flags.format !== 'text' && flags.format !== 'json') {
    throw new InputError(`--format "${flags.format}" is not supported; use --format text or --format json.`, {
      field: 'format',
    });
  }
  const dir = path.resolve(context.cwd, flags.out);
  const shown = path.relative(context.cwd, dir) || '.';
  const { imported, plan } = await syncImport({ source, dir, cwd: context.cwd, dryRun: flags.dryRun === true, read });
  const findings = sortFindings([...imported.findings, ...plan.findings]);
  const validation = flags.dryRun ? undefined : await validateFolder(dir);
  const failed = hasErrors(findings) || plan.conflicts.length > 0 || (validation !== undefined && !validation.ok);
  context.exit(failed ? EXIT.findings : EXIT.ok);
  if (flags.format === 'json') {
    context.output.out(
      JSON.stringify(
        {
          findings: findings.map((f) => ({ ...f, file: relative(f.file, context) })),
          changes: plan.changes.map(({ action, kind, name, file, fields }) => ({ action, kind, name, file, fields })),
          files: plan.files.map(({ action, path: file }) => ({ action, path: file })),
          conflicts: plan.conflicts,
          unchanged: plan.unchanged,
          ...(validation ? { validation: validation.summary } : {}),
        },
        null,
        2,
      ),
    );
    return;
  }
  printFindings(findings, context);
  if (findings.length > 0) {
    const { errors, warnings } = summarizeFindings(findings);
    context.output.out(
      `The sources have ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} (above): what each names was left out, or imported as it says.`,
    );
  }
  context.output.out(`${flags.dryRun ? 'Plan for' : 'Imported into'} ${shown}/ from ${source}:`);
  for (const line of formatSyncPlan(plan, flags.dryRun === true)) context.output.out(`  ${line}`);
  if (!validation) return;
  if (!validation.ok)
    printFindings(
      validation.findings.filter((f) => f.severity === 'error'),
      context,
      dir,
    );
  context.output.out(
    `cello validate ${shown}: ${formatSummary(validation.summary)}${validation.summary.warnings ? ` Run it to see the warnings.` : ''}`,
  );
}

function relative(file: string, context: CommandContext): string {
  if (!file || /^https?:/.test(file)) return file;
  return path.relative(context.cwd, file).split(path.sep).join('/') || '.';
}

import path from 'node:path';
import { LINT_RULES_OF_MODULES } from '../../app/index.js';
import { formatFinding, formatSummary, validateFolder, type Finding } from '../../manifests/index.js';
import { InputError } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';

interface ValidateFlags {
  format: string;
  now?: string;
}

/** `cello validate [dir]`: every problem in a folder of manifests, each with file:line:col and a fix. */
export const registerValidate: RegisterCommand = (program, context) => {
  program
    .command('validate [dir]')
    .description(
      'Check a folder of manifests (schemas, references, boundary lint) and report every problem with file:line:col and a fix',
    )
    .option('--format <format>', 'text or json', 'text')
    .option('--now <date>', 'check date-based rules (collaborations that ran out) as of this date, YYYY-MM-DD')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.')
    .action(async (dir: string | undefined, flags: ValidateFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        throw new InputError(`--format "${flags.format}" is not supported; use --format text or --format json.`, {
          field: 'format',
        });
      }
      const now = parseNow(flags.now);
      const folder = path.resolve(context.cwd, dir ?? '.');
      const result = await validateFolder(folder, { now, rules: LINT_RULES_OF_MODULES });
      if (flags.format === 'json') {
        const findings = result.findings.map((f) => ({ ...f, file: displayPath(f.file || folder, context) }));
        context.output.out(JSON.stringify({ findings, summary: result.summary }, null, 2));
      } else {
        printFindings(result.findings, context, folder);
        context.output.out(formatSummary(result.summary));
      }
      context.exit(result.ok ? EXIT.ok : EXIT.findings);
    });
};

/** Prints findings as `file:line:col  severity  rule  Kind/name: message` plus a `fix:` line, paths relative to the working directory. */
export function printFindings(findings: readonly Finding[], context: CommandContext, folder?: string): void {
  for (const finding of findings) {
    context.output.out(formatFinding(finding, displayPath(finding.file || folder || '', context)));
  }
}

function displayPath(file: string, context: CommandContext): string {
  if (!file) return '';
  const relative = path.relative(context.cwd, file);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new InputError(`--now "${text}" is not a date; write it as YYYY-MM-DD, e.g. --now 2026-12-01.`, {
      field: 'now',
    });
  return date;
}

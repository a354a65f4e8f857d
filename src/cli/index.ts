import { Command, CommanderError } from 'commander';
import { CelloHttpError } from '../client/index.js';
import { errorMessage, isCelloError } from '../shared/index.js';
import type { CommandContext, RegisterCommand } from './context.js';
import { registerApply } from './commands/apply.js';
import { registerDeliveries } from './commands/deliveries.js';
import { registerExport } from './commands/export.js';
import { registerHealth } from './commands/health.js';
import { registerHistory } from './commands/history.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerInsights } from './commands/insights.js';
import { registerMine } from './commands/mine.js';
import { registerPredict } from './commands/predict.js';
import { registerPublish } from './commands/publish.js';
import { registerReceive } from './commands/receive.js';
import { registerReview } from './commands/review.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerTail } from './commands/tail.js';
import { registerTemplates } from './commands/templates.js';
import { registerTension } from './commands/tension.js';
import { registerToken } from './commands/token.js';
import { registerValidate } from './commands/validate.js';
import { registerWorkflows } from './commands/workflows.js';
import { EXIT } from './exit-codes.js';
import { processOutput, type Output } from './output.js';

export type { CommandContext, RegisterCommand } from './context.js';
export { bufferedOutput, type Output } from './output.js';
export { EXIT } from './exit-codes.js';

/** Every command module, in the order `cello --help` lists them. */
const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerValidate,
  registerImport,
  registerSchema,
  registerServe,
  registerApply,
  registerHistory,
  registerToken,
  registerPublish,
  registerSimulate,
  registerTail,
  registerDeliveries,
  registerReceive,
  registerMine,
  registerPredict,
  registerExport,
  registerInsights,
  registerHealth,
  registerTension,
  registerReview,
  registerTemplates,
  registerWorkflows,
];

/** Builds the `cello` program. */
export function createProgram(context: CommandContext): Command {
  const program = new Command('cello')
    .description('Orchestration for autonomous teams: org-as-code, one event log, tension reviews and insights.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => context.output.out(s), writeErr: (s) => context.output.err(s) });
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Runs the CLI and resolves with the exit code; never throws. */
export async function main(
  argv: string[],
  options: { output?: Output; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<number> {
  let code: number = EXIT.ok;
  const context: CommandContext = {
    output: options.output ?? processOutput,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    exit: (c) => {
      code = Math.max(code, c);
    },
  };
  const program = createProgram(context);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; a usage mistake is "could not run".
      return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    }
    context.output.err(isCelloError(error) ? `error: ${error.message}` : `error: ${errorMessage(error)}`);
    return exitCodeOf(error);
  }
  return code;
}

/**
 * Whatever a server refused (it answered, with any status) counts as findings; a mistake in the command itself, or
 * no server answering at all, means the command could not run.
 */
function exitCodeOf(error: unknown): number {
  if (error instanceof CelloHttpError) return error.status > 0 ? EXIT.findings : EXIT.failed;
  if (!isCelloError(error)) return EXIT.failed;
  const answered = typeof error.details.status === 'number';
  return error.code !== 'invalid_input' || answered ? EXIT.findings : EXIT.failed;
}

import { callRoute } from '../../client/index.js';
import { formatHealthReport, type HealthStatus } from '../../insights/index.js';
import { INSIGHT_ROUTES } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

const paint = (status: HealthStatus, text: string) =>
  status === 'act' ? colors.red(text) : status === 'watch' ? colors.yellow(text) : colors.green(text);

/** `cello health [--json] [--weeks N]`: the orchestration health report of a running server. */
export const registerHealth: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('health')
      .description(
        'Orchestration health: teams (rework, priority disputes, reviews without decision), boundaries, conflicts, with a weekly trend',
      )
      .option('--weeks <n>', 'weeks of trend (1 to 104)', '8')
      .option('--json', 'print the report as JSON (shape: src/insights/ARCHITECTURE.md)'),
  ).action(async (flags: { weeks: string; json?: boolean; url?: string; token?: string }) => {
    if (!/^\d+$/.test(flags.weeks) || Number(flags.weeks) < 1 || Number(flags.weeks) > 104) {
      throw new InputError(`--weeks must be a whole number from 1 to 104, not "${flags.weeks}".`, { field: 'weeks' });
    }
    const report = await callRoute(connect(flags, context), INSIGHT_ROUTES.health, {
      query: { weeks: Number(flags.weeks) },
    });
    context.output.out(flags.json ? JSON.stringify(report, null, 2) : formatHealthReport(report, paint));
  });
};

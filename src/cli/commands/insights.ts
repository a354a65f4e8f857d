import type { Command } from 'commander';
import { callRoute } from '../../client/index.js';
import { formatMiningSummary } from '../../insights/index.js';
import {
  INSIGHT_ROUTES,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_ROUTES,
  RECOMMENDATION_STATES,
  type AcceptanceStats,
  type Recommendation,
} from '../../model/index.js';
import { InputError, formatDuration } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { oneOf } from '../one-of.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

type ServerFlags = { url?: string; token?: string; json?: boolean };
const percent = (share: number | null) => (share === null ? 'n/a' : `${Number((share * 100).toFixed(1))}%`);

function printRecommendation(r: Recommendation, context: CommandContext, full: boolean): void {
  const state =
    r.state === 'open' ? colors.yellow(r.state) : r.state === 'accepted' ? colors.green(r.state) : colors.dim(r.state);
  context.output.out(`${r.id}  ${state}  cell:${r.cell}  ${r.kind}  confidence ${r.confidence} (n=${r.sampleSize})`);
  context.output.out(`    ${r.title}`);
  if (!full) return;
  context.output.out(`    ${r.summary}`);
  context.output.out(`    impact: ${r.impact.text}`);
  context.output.out(`    move: ${r.move}`);
  context.output.out(`    metric: ${r.metric}`);
  for (const e of r.evidence)
    context.output.out(colors.dim(`    evidence ${e.kind}:${e.ref}${e.note ? ` (${e.note})` : ''}`));
  if (r.reason) context.output.out(`    reason: ${r.reason}`);
  if (r.experiment) context.output.out(`    experiment: ${r.experiment}`);
}

/** `cello insights …`: recommendations (list, accept, dismiss, stats), SLOs, the live process map and anomalies. */
export const registerInsights: RegisterCommand = (program, context) => {
  const insights = program
    .command('insights')
    .description('Insights from the live log: recommendations, SLO compliance, the process map, anomalies');
  const withServer = (command: Command) => withServerOptions(command.option('--json', 'print JSON'));

  withServer(
    insights
      .command('recommendations')
      .description('Recommendations with evidence, expected impact, confidence and sample size (default: open ones)')
      .option('--cell <cell>', 'only those addressed to this cell')
      .option('--state <state>', `${RECOMMENDATION_STATES.join(' | ')} | all`, 'open')
      .option('--kind <kind>', RECOMMENDATION_KINDS.join(' | ')),
  ).action(async (flags: ServerFlags & { cell?: string; state: string; kind?: string }) => {
    if (flags.state !== 'all' && !(RECOMMENDATION_STATES as readonly string[]).includes(flags.state)) {
      throw new InputError(`--state "${flags.state}" is not one of ${RECOMMENDATION_STATES.join(', ')} or all.`, {
        field: 'state',
      });
    }
    const state = RECOMMENDATION_STATES.find((s) => s === flags.state);
    const { recommendations } = await callRoute(connect(flags, context), RECOMMENDATION_ROUTES.list, {
      query: {
        ...(flags.cell ? { cell: flags.cell } : {}),
        ...(state ? { state } : {}),
        ...(flags.kind ? { kind: oneOf(RECOMMENDATION_KINDS, flags.kind, '--kind') } : {}),
      },
    });
    if (flags.json) return context.output.out(JSON.stringify(recommendations, null, 2));
    if (recommendations.length === 0) context.output.out('No recommendations.');
    for (const r of recommendations) printRecommendation(r, context, true);
  });

  withServer(
    insights
      .command('accept <id>')
      .description('Accept a recommendation addressed to your cell: an experiment starts with its move and metric')
      .option('--move <text>', 'the move to try (default: the recommendation’s)')
      .option('--metric <text>', 'the metric to watch (default: the recommendation’s)')
      .option('--review-date <date>', 'when to review the experiment: YYYY-MM-DD or a duration such as 2w'),
  ).action(async (id: string, flags: ServerFlags & { move?: string; metric?: string; reviewDate?: string }) => {
    const body = {
      ...(flags.move ? { move: flags.move } : {}),
      ...(flags.metric ? { metric: flags.metric } : {}),
      ...(flags.reviewDate ? { reviewDate: flags.reviewDate } : {}),
    };
    const result = await callRoute(connect(flags, context), RECOMMENDATION_ROUTES.accept, { params: { id }, body });
    if (flags.json) return context.output.out(JSON.stringify(result, null, 2));
    context.output.out(
      `Accepted ${result.recommendation.id}.` +
        (result.experiment
          ? ` Experiment ${result.experiment} started${result.tension ? ` (tension ${result.tension})` : ''}: ${result.recommendation.move}`
          : ' No experiment was started: this server has no experiment sink wired.'),
    );
  });

  withServer(
    insights
      .command('dismiss <id>')
      .description('Dismiss a recommendation addressed to your cell, saying why')
      .requiredOption('--reason <text>', 'why it does not fit'),
  ).action(async (id: string, flags: ServerFlags & { reason: string }) => {
    const r = await callRoute(connect(flags, context), RECOMMENDATION_ROUTES.dismiss, {
      params: { id },
      body: { reason: flags.reason },
    });
    if (flags.json) return context.output.out(JSON.stringify(r, null, 2));
    context.output.out(`Dismissed ${r.id}: ${r.reason}`);
  });

  withServer(
    insights
      .command('check')
      .description(
        'Check SLOs now (breaches raise tensions) and refresh recommendations; the server also does this on a timer (admin)',
      ),
  ).action(async (flags: ServerFlags) => {
    const result = await callRoute(connect(flags, context), INSIGHT_ROUTES.check);
    if (flags.json) return context.output.out(JSON.stringify(result, null, 2));
    const breached = result.slos.filter((s) => s.state === 'breached').length;
    const { made, updated, withdrawn } = result.recommendations;
    context.output.out(
      `Checked ${result.slos.length} SLO(s): ${breached} breached. Recommendations: ${made} new, ${updated} updated, ${withdrawn} withdrawn.`,
    );
  });

  withServer(
    insights.command('stats').description('How recommendations fared: acceptance rates overall, per kind and per cell'),
  ).action(async (flags: ServerFlags) => {
    const stats = await callRoute(connect(flags, context), RECOMMENDATION_ROUTES.stats);
    if (flags.json) return context.output.out(JSON.stringify(stats, null, 2));
    const line = (name: string, t: Omit<AcceptanceStats, 'byKind' | 'byCell'>) =>
      `${name}: ${t.made} made, ${t.open} open, ${t.accepted} accepted, ${t.dismissed} dismissed, ${t.withdrawn} withdrawn; acceptance ${percent(t.acceptanceRate)}`;
    context.output.out(line('all', stats));
    for (const k of stats.byKind) context.output.out(`  ${line(k.kind, k)}`);
    for (const c of stats.byCell) context.output.out(`  ${line(`cell:${c.cell}`, c)}`);
  });

  withServer(insights.command('slos').description("Each agreement SLO's compliance over its window")).action(
    async (flags: ServerFlags) => {
      const { slos } = await callRoute(connect(flags, context), INSIGHT_ROUTES.slos);
      if (flags.json) return context.output.out(JSON.stringify(slos, null, 2));
      if (slos.length === 0) context.output.out('No agreement has SLOs.');
      for (const s of slos) {
        const state =
          s.state === 'breached'
            ? colors.red(s.state)
            : s.state === 'met'
              ? colors.green(s.state)
              : colors.dim(s.state);
        const latency = s.latency.medianMs === null ? '' : `, median answer ${formatDuration(s.latency.medianMs)}`;
        context.output.out(
          `${s.agreement}/${s.slo}  ${state}  ${percent(s.compliance)} of ${s.counted} within ${s.within} (objective ${percent(s.objective)}, window ${s.window}${latency})${s.tension ? `  tension ${s.tension}` : ''}`,
        );
      }
    },
  );

  withServer(
    insights
      .command('map')
      .description('The live process map: variants, directly-follows graph, durations, rework, handovers, bottlenecks')
      .option('--type <list>', 'exact types or prefixes ending in .*, comma-separated')
      .option('--from <time>', 'RFC 3339, or a duration back from now such as 7d')
      .option('--to <time>', 'RFC 3339, or a duration back from now')
      .option('--workflow <name>', 'only cases with an event of this workflow')
      .option('--template <name>', 'only cases with an event of this template')
      .option('--top <n>', 'entries per list', '10'),
  ).action(
    async (
      flags: ServerFlags & {
        type?: string;
        from?: string;
        to?: string;
        workflow?: string;
        template?: string;
        top: string;
      },
    ) => {
      const { type, from, to, workflow, template } = flags;
      const map = await callRoute(connect(flags, context), INSIGHT_ROUTES.processMap, {
        query: { type, from, to, workflow, template },
      });
      if (flags.json) return context.output.out(JSON.stringify(map, null, 2));
      context.output.out(
        formatMiningSummary(
          { ...map, schema: 'cello.mining/1', log: { ...map.log, file: 'live log' } },
          Number(flags.top) || 10,
        ),
      );
      context.output.out(`Cases: ${map.caseNotion}. ${map.scanned} events read, ${map.withoutCase} without a case id.`);
    },
  );

  withServer(
    insights
      .command('anomalies')
      .description('Volume and latency anomalies, late escalations, stalled cases')
      .option('--bucket <size>', 'hour or day', 'hour'),
  ).action(async (flags: ServerFlags & { bucket: string }) => {
    const report = await callRoute(connect(flags, context), INSIGHT_ROUTES.anomalies, {
      query: { bucket: flags.bucket },
    });
    if (flags.json) return context.output.out(JSON.stringify(report, null, 2));
    context.output.out(`Bucket judged: ${report.judgedBucketStart} (${report.bucket}); baseline from ${report.from}.`);
    if (report.anomalies.length === 0) context.output.out('No volume or latency anomalies.');
    for (const a of report.anomalies) {
      const value = a.metric === 'latency' ? formatDuration(a.value) : `${a.value} events`;
      const usual = a.metric === 'latency' ? formatDuration(a.baselineMedian) : `${a.baselineMedian}`;
      context.output.out(`  ${a.metric} ${a.direction} ${a.scope} ${a.key}: ${value} (usually ${usual}; z ${a.z})`);
    }
    const late = report.lateEscalations;
    context.output.out(
      `Late escalations: ${late.late.length} of ${late.raised} tension(s) surfaced after more than ${formatDuration(late.lateAfterMs)}.`,
    );
    for (const l of late.late) context.output.out(`  ${l.tension} ${l.title}: ${formatDuration(l.surfacedAfterMs)}`);
    context.output.out(`Stalled cases: ${report.stalledCases.total}.`);
    for (const c of report.stalledCases.cases) {
      context.output.out(
        `  ${c.case}: idle ${formatDuration(c.idleMs)} after ${c.lastActivity} (p90 ${formatDuration(c.p90GapMs)})${c.waitingOn ? `, waiting on cell:${c.waitingOn}` : ''}`,
      );
    }
  });
};

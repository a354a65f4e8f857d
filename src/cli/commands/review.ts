import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { callRoute } from '../../client/index.js';
import {
  DECISION_ROUTES,
  GOVERNANCE_ROUTES,
  REVIEW_ROUTES,
  type GovernanceMetrics,
  type Review,
} from '../../model/index.js';
import { formatDuration } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';
import { outcomeFromFlags, printDecided, printDecision, withOutcomeOptions } from './tension.js';

type Flags = Record<string, string | string[] | boolean | undefined> & {
  url?: string;
  token?: string;
  json?: boolean;
  review?: string;
};

/** The review a command is about: `--review`, else the planned or running one. */
const reviewOf = (flags: Flags) => ({ id: typeof flags.review === 'string' ? flags.review : 'current' });

function printReview(review: Review, context: CommandContext): void {
  context.output.out(
    `${colors.bold(review.id)} ${review.state} · held by cell:${review.cell} · ${review.state === 'planned' ? `scheduled for ${review.scheduledFor}` : review.startedAt ? `started ${review.startedAt}` : ''}${review.state === 'closed' ? ` · ${review.decided} of ${review.items} decided${review.noDecision ? colors.red(' · ended without a decision') : ''}` : ''}`,
  );
  if (review.agenda.length === 0) context.output.out('  The agenda is empty: nothing waits for a decision.');
  review.agenda.forEach((item, i) => {
    const route = item.route.routed
      ? `${item.route.method} by cell:${item.route.deciderCell}${item.route.deciderRole ? ` (${item.route.deciderRole})` : ''}, ${item.route.forum}`
      : colors.yellow('unrouted');
    context.output.out(`  ${String(i + 1).padStart(2)}. ${item.tensionId} [${item.kind}] ${item.title}`);
    context.output.out(
      colors.dim(
        `      ${item.type} · ${item.cells.map((c) => `cell:${c}`).join(', ')} · priority ${item.priority.total} · ${route} · ${item.status}`,
      ),
    );
    context.output.out(colors.dim(`      why: ${item.priority.explanation}`));
    if (item.evidence.evidence.length)
      context.output.out(
        colors.dim(
          `      evidence: ${item.evidence.evidence.map((e) => `${e.kind}:${e.ref}`).join(', ')}${item.evidence.occurrences > 1 ? ` · seen ${item.evidence.occurrences}×` : ''}`,
        ),
      );
    if (item.evidence.agreements.length)
      context.output.out(
        colors.dim(
          `      agreements: ${item.evidence.agreements.map((a) => `${a.name}${a.reviewDate ? ` (review ${a.reviewDate})` : ''}`).join(', ')}`,
        ),
      );
  });
}

function printMetrics(m: GovernanceMetrics, context: CommandContext): void {
  const d = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));
  context.output.out(
    `Tensions raised: ${m.tensions.raised} (people ${m.tensions.byOrigin.person}, detectors ${m.tensions.byOrigin.detector}); unrouted ${m.tensions.unrouted}`,
  );
  context.output.out(
    `  by state: ${Object.entries(m.tensions.byState)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
  );
  context.output.out(
    `Time to surface (observed → raised): median ${d(m.timeToSurface.medianMs)}, mean ${d(m.timeToSurface.meanMs)} over ${m.timeToSurface.count}; people ${d(m.timeToSurface.byOrigin.person.medianMs)}, detectors ${d(m.timeToSurface.byOrigin.detector.medianMs)}`,
  );
  context.output.out(
    `Time to decision (raised → first decision): median ${d(m.timeToDecision.medianMs)}, mean ${d(m.timeToDecision.meanMs)} over ${m.timeToDecision.count}`,
  );
  const share = m.reviews.shareWithoutDecision === null ? '—' : `${Math.round(m.reviews.shareWithoutDecision * 100)}%`;
  context.output.out(
    `Reviews closed: ${m.reviews.closed}; without a decision: ${m.reviews.withoutDecision} (${share})`,
  );
  for (const w of m.reviews.byWeek)
    context.output.out(`  ${w.week}: ${w.withoutDecision} of ${w.closed} without a decision`);
  context.output.out(
    `Reopened: ${m.reopened.tensions} tension(s), ${m.reopened.times} time(s); escalations: ${m.escalations} by decision, ${m.workflowEscalations} by workflows`,
  );
}

/** `cello review plan|show|list|reorder|start|decide|close|minutes|metrics`: the tension review ritual. */
export const registerReview: RegisterCommand = (program, context) => {
  const review = program
    .command('review')
    .description('Run the tension review: plan the agenda, start, decide items, close, minutes, metrics');
  const act =
    (build: (flags: Flags, ...args: string[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      await build(command.opts<Flags>(), ...(args.slice(0, -2) as string[]));
    };
  const out = (value: Review, flags: Flags) =>
    flags.json ? context.output.out(JSON.stringify(value, null, 2)) : printReview(value, context);
  const which = (command: Command) =>
    command.option('--review <id>', 'the review (default: the planned or running one)');

  withServerOptions(
    review
      .command('plan')
      .description('Generate the agenda of the next review from evidence (or refresh the planned one)')
      .option('--cell <cell>', 'the cell that holds the review')
      .option('--cells <names>', 'cover only these cells')
      .option('--json', 'print JSON'),
  ).action(
    act(async (flags) => {
      const body = {
        ...(typeof flags.cell === 'string' && flags.cell ? { cell: flags.cell } : {}),
        ...(typeof flags.cells === 'string' ? { cells: flags.cells.split(',').map((s) => s.trim()) } : {}),
      };
      out(await callRoute(connect(flags, context), REVIEW_ROUTES.plan, { body }), flags);
    }),
  );

  withServerOptions(
    which(review.command('show').description('The review and its agenda with evidence')).option('--json', 'print JSON'),
  ).action(
    act(async (flags) =>
      out(await callRoute(connect(flags, context), REVIEW_ROUTES.show, { params: reviewOf(flags) }), flags),
    ),
  );

  withServerOptions(review.command('list').description('Every review').option('--json', 'print JSON')).action(
    act(async (flags) => {
      const { reviews } = await callRoute(connect(flags, context), REVIEW_ROUTES.list);
      if (flags.json) return context.output.out(JSON.stringify(reviews, null, 2));
      for (const r of reviews)
        context.output.out(
          `${r.id}  ${r.state.padEnd(7)}  ${r.closedAt ?? r.startedAt ?? r.scheduledFor}  ${r.items} item(s), ${r.decided} decided${r.noDecision ? colors.red('  no decision') : ''}`,
        );
    }),
  );

  withServerOptions(
    which(
      review
        .command('reorder <items...>')
        .description('Take these items first (positions or tension ids), in this order'),
    ),
  ).action(async (items: string[], _flags: unknown, command: Command) => {
    const flags = command.opts<Flags>();
    printReview(
      await callRoute(connect(flags, context), REVIEW_ROUTES.reorder, {
        params: reviewOf(flags),
        body: { order: items },
      }),
      context,
    );
  });

  for (const [name, description] of [
    ['start', 'Start the review (facilitator)'],
    ['close', 'Close it: proposals without objection are accepted; undecided items go to the next review'],
  ] as const) {
    const command = withServerOptions(
      which(review.command(name).description(description)).option('--json', 'print JSON'),
    );
    if (name === 'close')
      command.option('--write-to <dir>', 'write the new agreement and guardrail versions into this org-as-code folder');
    command.action(
      act(async (flags) => {
        const server = connect(flags, context);
        const result = await callRoute(server, REVIEW_ROUTES[name], { params: reviewOf(flags) });
        out(result, flags);
        if (name !== 'close') return;
        const { decisions } = await callRoute(server, DECISION_ROUTES.list, { query: { review: result.id } });
        for (const d of decisions) await printDecision(d, flags, context);
      }),
    );
  }

  withServerOptions(
    which(
      withOutcomeOptions(
        review
          .command('decide <item>')
          .description('Decide an agenda item (position or tension id) in the running review: its decider'),
      ),
    ),
  ).action(
    act(async (flags, item) => {
      const result = await callRoute(connect(flags, context), REVIEW_ROUTES.decideItem, {
        params: { ...reviewOf(flags), item: item! },
        body: await outcomeFromFlags(flags, context),
      });
      await printDecided(result, flags, context);
    }),
  );

  withServerOptions(
    review
      .command('minutes')
      .description('The minutes as Markdown')
      .option('--review <id>', 'the review (default: the one closed last)')
      .option('--out <file>', 'write them to a file'),
  ).action(
    act(async (flags) => {
      // Minutes are of a held review: without --review, the one closed last.
      const id = typeof flags.review === 'string' ? flags.review : 'last';
      const text = await callRoute(connect(flags, context), REVIEW_ROUTES.minutes, { params: { id } });
      if (typeof flags.out === 'string') {
        await writeFile(path.resolve(context.cwd, flags.out), text);
        context.output.err(`wrote ${flags.out}`);
      } else context.output.out(text);
    }),
  );

  withServerOptions(
    review
      .command('metrics')
      .description('Time to surface, time to decision, reviews without a decision, reopened, escalations')
      .option('--from <time>')
      .option('--to <time>')
      .option('--json', 'print JSON'),
  ).action(
    act(async (flags) => {
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const metrics = await callRoute(connect(flags, context), GOVERNANCE_ROUTES.metrics, {
        query: { from: text(flags.from), to: text(flags.to) },
      });
      if (flags.json) context.output.out(JSON.stringify(metrics, null, 2));
      else printMetrics(metrics, context);
    }),
  );
};

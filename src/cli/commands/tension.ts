import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import {
  OUTCOMES,
  type DecideResult,
  type Decision,
  type OutcomeInput,
  type TensionDetail,
} from '../../governance/index.js';
import { callRoute, type CelloServer } from '../../client/index.js';
import { writeManifestIntoFolder } from '../../manifests/index.js';
import { PROPOSAL_ROUTES, SEVERITIES, TENSION_ROUTES, type Manifest } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { oneOf } from '../one-of.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

type Flags = Record<string, string | string[] | boolean | undefined> & { url?: string; token?: string; json?: boolean };

const collect = (value: string, previous: string[] = []) => [...previous, value];
/** A flag's text, when it was given as text. */
const textFlag = (flags: Flags, name: string) => {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
};
const list = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** Adds the flags that describe a decision's outcome (shared by `tension decide` and `review decide`). */
export function withOutcomeOptions(command: Command): Command {
  return command
    .requiredOption('--outcome <outcome>', OUTCOMES.join(' | '))
    .option('--rationale <text>', 'why this outcome, by the criteria weighed')
    .option('--criteria <names>', 'criteria weighed, comma-separated (default: those of the decision right)')
    .option('--review-date <date>', 'when to look at the decision again: YYYY-MM-DD or a duration such as 4w')
    .option('--agreement <name>', 'change-agreement: the agreement')
    .option(
      '--set <path=value>',
      'change-agreement: a field and its new value (YAML), e.g. spec.slos[0].within=2h; repeatable',
      collect,
    )
    .option('--unset <path>', 'change-agreement: a field to remove; repeatable', collect)
    .option('--guardrail <name>', 'add-guardrail: the guardrail name')
    .option('--guardrail-file <file>', 'add-guardrail: a YAML file with the Guardrail (or just its spec)')
    .option('--move <text>', 'experiment: the move to try')
    .option('--metric <text>', 'experiment: the metric to watch')
    .option('--to <cell>', 'escalate: where it goes')
    .option('--reason <text>', 'escalate or drop: why')
    .option('--result <text>', 'deciding an experiment review: what the experiment showed')
    .option('--write-to <dir>', 'write a new agreement or guardrail version into this org-as-code folder')
    .option('--json', 'print JSON');
}

/** Reads the outcome flags into the API body. */
export async function outcomeFromFlags(flags: Flags, context: CommandContext): Promise<OutcomeInput> {
  const outcome = flags.outcome as OutcomeInput['outcome'];
  if (!OUTCOMES.includes(outcome))
    throw new InputError(`--outcome "${String(flags.outcome)}" is not one of ${OUTCOMES.join(', ')}.`, {
      field: 'outcome',
    });
  const set: Record<string, unknown> = {};
  for (const pair of (flags.set as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new InputError(`--set "${pair}" is not path=value; e.g. --set spec.reviewDate=2026-03-01.`, {
        field: 'set',
      });
    set[pair.slice(0, eq).trim()] = parseYaml(pair.slice(eq + 1)) as unknown;
  }
  let guardrailSpec: Record<string, unknown> | undefined;
  if (typeof flags.guardrailFile === 'string') {
    const text = await readFile(path.resolve(context.cwd, flags.guardrailFile), 'utf8');
    const doc = parseYaml(text) as Record<string, unknown>;
    guardrailSpec = (doc?.kind === 'Guardrail' ? doc.spec : doc) as Record<string, unknown>;
  }
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const body: Record<string, unknown> = {
    outcome,
    rationale: text('rationale'),
    criteria: list(text('criteria')),
    reviewDate: text('reviewDate'),
    agreement: text('agreement'),
    ...(Object.keys(set).length ? { set } : {}),
    unset: flags.unset,
    guardrail: text('guardrail'),
    guardrailSpec,
    move: text('move'),
    metric: text('metric'),
    to: text('to'),
    reason: text('reason'),
    result: text('result'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as OutcomeInput;
}

/** Prints what deciding did, and writes new versions into the org folder when asked. */
export async function printDecided(result: DecideResult, flags: Flags, context: CommandContext): Promise<void> {
  if (flags.json) context.output.out(JSON.stringify(result, null, 2));
  if (result.proposal) {
    const p = result.proposal;
    if (!flags.json) {
      context.output.out(
        `Proposal ${p.id} (${p.method}) on ${p.tensionId}: ${p.outcome.outcome}, open ${p.closesAt ? `until ${p.closesAt}` : 'until the review closes'}.`,
      );
      for (const c of (result.preview?.changes as { path: string; before?: unknown; after?: unknown }[] | undefined) ??
        [])
        context.output.out(`    ${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
    }
    return;
  }
  if (result.decision) await printDecision(result.decision, flags, context);
}

/** One decision, with the diff of a new version; `--write-to` puts the new version into the org folder. */
export async function printDecision(d: Decision, flags: Flags, context: CommandContext): Promise<void> {
  if (!flags.json) {
    context.output.out(`${colors.green(d.id)} ${d.tensionId}: ${d.outcome} (${d.method}) by ${d.decidedBy}`);
    if (d.details.version !== undefined)
      context.output.out(
        `    new version: ${d.details.agreement ? `agreement:${String(d.details.agreement)}` : `guardrail:${String(d.details.guardrail)}`} v${String(d.details.version)}`,
      );
    for (const c of (d.details.changes as { path: string; before?: unknown; after?: unknown }[] | undefined) ?? [])
      context.output.out(`    ${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
    if (d.details.file) context.output.out(colors.dim(`    YAML written on the server to ${String(d.details.file)}`));
  }
  if (typeof flags.writeTo === 'string' && typeof d.details.yaml === 'string') {
    const file = await writeManifestIntoFolder(
      path.resolve(context.cwd, flags.writeTo),
      parseYaml(d.details.yaml) as Manifest,
    );
    context.output.err(
      `wrote ${path.relative(context.cwd, file) || file}; review it and commit it to the organization's repository.`,
    );
  }
}

function printTension(detail: TensionDetail, context: CommandContext): void {
  const t = detail.tension;
  context.output.out(`${colors.bold(t.id)} ${t.title}`);
  context.output.out(
    `  ${t.state} · ${t.type} · ${t.severity} · ${t.cells.map((c) => `cell:${c}`).join(', ')} · raised by ${t.raisedBy} at ${t.raisedAt}${t.occurrences > 1 ? ` · seen ${t.occurrences}×` : ''}`,
  );
  if (t.description) context.output.out(`  ${t.description}`);
  context.output.out(
    `  route: ${detail.route.routed ? `${detail.route.method} by ${detail.route.who}, in ${detail.route.forum === 'review' ? 'the review' : `async (${detail.route.asyncTimeout})`}` : colors.yellow(`unrouted: ${detail.route.reason}`)}`,
  );
  context.output.out(`  score: ${detail.score.explanation}`);
  context.output.out(`  priority: ${detail.priority.explanation}`);
  for (const e of t.evidence)
    context.output.out(`  evidence: ${e.kind}:${e.ref}${e.note ? colors.dim(` (${e.note})`) : ''}`);
  for (const n of detail.notes) context.output.out(`  ${n.kind} by ${n.author} at ${n.createdAt}: ${n.body}`);
  for (const p of detail.proposals)
    context.output.out(`  proposal ${p.id} (${p.method}): ${p.outcome.outcome}, ${p.state}`);
  for (const d of detail.decisions)
    context.output.out(`  decision ${d.id}: ${d.outcome} by ${d.decidedBy} — ${d.rationale}`);
}

/** `cello tension raise|list|show|comment|advise|rate|decide|object|vote|resolve|reopen`. */
export const registerTension: RegisterCommand = (program, context) => {
  const tension = program
    .command('tension')
    .description('Raise, discuss, rate and decide tensions (talks to a server)');
  const run =
    (build: (server: CelloServer, flags: Flags, ...args: string[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const flags = command.opts<Flags>();
      await build(connect(flags, context), flags, ...(args.slice(0, -2) as string[]));
    };
  const show = (detail: TensionDetail, flags: Flags) =>
    flags.json ? context.output.out(JSON.stringify(detail, null, 2)) : printTension(detail, context);

  withServerOptions(
    tension
      .command('raise')
      .description('Raise a tension between cells, e.g. --title "…" --type boundary --cells payments,risk')
      .requiredOption('--title <text>', 'the gap, in a sentence')
      .requiredOption('--type <type>', "one of the organization's tension types")
      .requiredOption('--cells <names>', 'involved cells, comma-separated')
      .option('--description <text>', 'more detail')
      .option('--severity <level>', 'low | medium | high | critical', 'medium')
      .option('--observed-at <time>', 'when the gap was first seen (RFC 3339; default now)')
      .option('--evidence <ref>', 'event:42, agreement:name, insight:id or a URL; repeatable', collect)
      .option('--rate <criterion=n>', 'rate a criterion 0–5 at once; repeatable', collect)
      .option('--json', 'print JSON'),
  ).action(
    run(async (server, flags) => {
      const ratings = ratingsOf((flags.rate as string[] | undefined) ?? []);
      const text = (name: string) => textFlag(flags, name);
      const detail = await callRoute(server, TENSION_ROUTES.raise, {
        body: {
          title: String(flags.title),
          type: String(flags.type),
          cells: list(text('cells')) ?? [],
          severity: oneOf(SEVERITIES, String(flags.severity), '--severity'),
          ...(text('description') ? { description: text('description') } : {}),
          ...(text('observedAt') ? { observedAt: text('observedAt') } : {}),
          ...(Array.isArray(flags.evidence) ? { evidence: flags.evidence } : {}),
          ...(Object.keys(ratings).length ? { ratings } : {}),
        },
      });
      show(detail, flags);
    }),
  );

  withServerOptions(
    tension
      .command('list')
      .description('List tensions')
      .option('--state <states>', 'comma-separated, e.g. open,scheduled')
      .option('--type <type>')
      .option('--cell <cell>')
      .option('--json', 'print JSON'),
  ).action(
    run(async (server, flags) => {
      const text = (name: string) => textFlag(flags, name);
      const { tensions } = await callRoute(server, TENSION_ROUTES.list, {
        query: { state: text('state'), type: text('type'), cell: text('cell') },
      });
      if (flags.json) return context.output.out(JSON.stringify(tensions, null, 2));
      if (tensions.length === 0) context.output.out('No tensions.');
      for (const { tension: t, route, score } of tensions) {
        context.output.out(
          `${t.id}  ${t.state.padEnd(9)} ${t.type.padEnd(10)} ${String(score.total).padStart(5)}  ${t.title}  ${colors.dim(t.cells.map((c) => `cell:${c}`).join(', '))}${route.routed ? '' : colors.yellow('  (unrouted)')}`,
        );
      }
    }),
  );

  withServerOptions(
    tension
      .command('show <id>')
      .description('A tension with its route, score, notes, proposals and decisions')
      .option('--json', 'print JSON'),
  ).action(
    run(async (server, flags, id) =>
      show(await callRoute(server, TENSION_ROUTES.show, { params: { id: id! } }), flags),
    ),
  );

  for (const [name, route, what] of [
    ['comment', TENSION_ROUTES.comment, 'Comment on a tension'],
    ['advise', TENSION_ROUTES.advise, 'Give advice on a tension (advisor cells)'],
  ] as const) {
    withServerOptions(tension.command(`${name} <id> <text...>`).description(what)).action(
      async (id: string, words: string[], _flags: unknown, command: Command) => {
        const server = connect(command.opts<Flags>(), context);
        await callRoute(server, route, { params: { id }, body: { body: words.join(' ') } });
        context.output.out(`${name === 'comment' ? 'Commented on' : 'Advised on'} ${id}.`);
      },
    );
  }

  withServerOptions(
    tension
      .command('rate <id> <ratings...>')
      .description('Rate criteria 0–5: cello tension rate T-3 impact=4 urgency=2')
      .option('--json', 'print JSON'),
  ).action(async (id: string, pairs: string[], _flags: unknown, command: Command) => {
    const flags = command.opts<Flags>();
    const detail = await callRoute(connect(flags, context), TENSION_ROUTES.rate, {
      params: { id },
      body: { ratings: ratingsOf(pairs) },
    });
    if (flags.json) context.output.out(JSON.stringify(detail, null, 2));
    else context.output.out(`${detail.tension.id} score: ${detail.score.explanation}`);
  });

  withServerOptions(
    withOutcomeOptions(
      tension
        .command('decide <id>')
        .description('Decide (or propose, under consent or vote) outside a review: the decider only'),
    ),
  ).action(
    run(async (server, flags, id) => {
      const result = await callRoute(server, TENSION_ROUTES.decide, {
        params: { id: id! },
        body: await outcomeFromFlags(flags, context),
      });
      await printDecided(result, flags, context);
    }),
  );

  withServerOptions(
    tension
      .command('object <proposal>')
      .description('Object to a consent proposal')
      .requiredOption('--reason <text>', 'what harm it would do'),
  ).action(
    run(async (server, flags, id) => {
      await callRoute(server, PROPOSAL_ROUTES.object, { params: { id: id! }, body: { reason: String(flags.reason) } });
      context.output.out(`Objected to ${id}; the tension goes to the next review.`);
    }),
  );

  withServerOptions(
    tension
      .command('vote <proposal> <vote>')
      .description('Vote yes or no on a vote proposal (a member token of the decider cell)'),
  ).action(async (id: string, vote: string, _flags: unknown, command: Command) => {
    const proposal = await callRoute(connect(command.opts<Flags>(), context), PROPOSAL_ROUTES.vote, {
      params: { id },
      body: { vote: oneOf(['yes', 'no'], vote, '<vote>') },
    });
    context.output.out(`Voted ${vote} on ${id}; the proposal is ${proposal.state}.`);
  });

  for (const [name, state] of [
    ['resolve', 'resolved'],
    ['reopen', 'open'],
  ] as const) {
    withServerOptions(
      tension
        .command(`${name} <id>`)
        .description(
          name === 'resolve' ? 'The gap is closed (raiser or decider)' : 'The gap is back (cells that belong to it)',
        )
        .requiredOption('--reason <text>', 'why'),
    ).action(
      run(async (server, flags, id) => {
        const detail = await callRoute(server, TENSION_ROUTES.changeState, {
          params: { id: id! },
          body: { state, reason: String(flags.reason) },
        });
        context.output.out(`${detail.tension.id} is ${detail.tension.state}.`);
      }),
    );
  }
};

function ratingsOf(pairs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([a-z0-9-]+)=(\d+)$/.exec(pair.trim());
    if (!match)
      throw new InputError(`"${pair}" is not criterion=rating; e.g. impact=4 (ratings 0 to 5).`, { field: 'ratings' });
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

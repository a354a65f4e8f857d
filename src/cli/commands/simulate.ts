import { callRoute, createCelloClient, type CelloServer, type PublishEvent } from '../../client/index.js';
import { INSIGHT_ROUTES, MANIFEST_ROUTES, WHOAMI_ROUTE } from '../../model/index.js';
import { InputError, NotAllowedError, formatDuration } from '../../shared/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';
import { connect, withServerOptions } from '../server-connection.js';
import { simulateAcmeHistory } from '../simulate/acme-history.js';
import { publishInBatches, type PublishTally } from '../simulate/publish-in-batches.js';
import { SLOW_CELLS, SLOW_CELL_SLOS, type SlowCell } from '../simulate/slow-cells.js';

interface SimulateFlags {
  days: string;
  cases: string;
  seed: string;
  slow?: string;
  url?: string;
  token?: string;
}

/** Events per request: well under the server's 1,000, so one refused batch costs little. */
const BATCH_SIZE = 500;

/** `cello simulate`: fills a running server with a seeded history of examples/acme, so insights have something to show. */
export const registerSimulate: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('simulate')
      .description(
        "Fill a running server with a realistic, seeded history of examples/acme's coordination (admin token)",
      )
      .option('--days <n>', 'how many days back the history reaches (1 to 90)', '14')
      .option('--cases <n>', 'loans, customer cases and forecast changes in all (1 to 50000)', '200')
      .option(
        '--seed <n>',
        'the same seed writes the same events (a second run adds nothing); another seed adds another history',
        '1',
      )
      .option('--slow <cell>', `one cell answers late, so one of its SLOs breaks: ${SLOW_CELLS.join(', ')}`),
  ).action(async (flags: SimulateFlags) => {
    const days = wholeNumber(flags.days, '--days', 1, 90);
    const cases = wholeNumber(flags.cases, '--cases', 1, 50_000);
    const seed = wholeNumber(flags.seed, '--seed', 0, 9_999);
    const slow = slowCell(flags.slow);
    const token = flags.token ?? context.env.CELLO_TOKEN;
    if (!token) {
      throw new InputError(
        'cello simulate needs the admin token: pass --token, or export CELLO_TOKEN=<the admin token `cello serve` printed on its first start>.',
        { field: 'token' },
      );
    }
    const server = connect({ ...flags, token }, context);
    await requireAdmin(server);

    const simulation = simulateAcmeHistory({ days, cases, seed, now: new Date(), ...(slow ? { slow } : {}) });
    await requireAcmeTypes(server, simulation.events);
    const tally = await publish(server.url, token, simulation.events, context);

    const out = (line: string) => context.output.out(line);
    out(
      `Simulated ${days} day(s) of Acme (seed ${seed}): ${simulation.loans} loans, ${simulation.supportCases} customer cases, ` +
        `${simulation.forecasts} forecast changes, ${simulation.incidents} platform incidents${slow ? `; ${slow} answers late` : ''}.`,
    );
    printTally(tally, out);
    if ([...tally.values()].every((t) => t.published === 0)) {
      out(
        `Nothing new: seed ${seed} was simulated on this server before. Pass another --seed to add a different history.`,
      );
    }
    // Check SLOs and recommendations now rather than on the server's next timer, so the views are filled at once.
    const checked = await callRoute(server, INSIGHT_ROUTES.check).catch(() => undefined);
    if (checked) {
      out(
        `Checked: ${checked.slos.filter((s) => s.state === 'breached').length} SLO(s) breached, ${checked.recommendations.made} new recommendation(s).`,
      );
    }
    out('');
    out('Where to look:');
    out(`  ${`${server.url}/`.padEnd(28)}the dashboard: Insights (process map, SLOs, trends) and Signals`);
    out(
      `  ${'cello insights slos'.padEnd(28)}SLO compliance${slow ? `; ${slow}'s late answers show in ${SLOW_CELL_SLOS[slow]}` : ''}`,
    );
    out(`  ${"cello insights map --type 'com.acme.finance.*,com.acme.risk.*'"} the loans: variants, bottlenecks`);
    out(`  ${'cello health'.padEnd(28)}the orchestration health report`);
  });
};

async function requireAdmin(server: CelloServer): Promise<void> {
  const whoami = await callRoute(server, WHOAMI_ROUTE);
  if (whoami.principal.kind !== 'admin') {
    throw new NotAllowedError(
      `cello simulate publishes the events of every Acme cell, so it needs the admin token, but this token acts as ${whoami.description}; use the admin token \`cello serve\` printed on its first start.`,
      { rule: 'admin-only' },
    );
  }
}

/** Refuses before publishing anything when the server's organization is not Acme's (types nobody offers). */
async function requireAcmeTypes(server: CelloServer, events: readonly PublishEvent[]): Promise<void> {
  const { manifests } = await callRoute(server, MANIFEST_ROUTES.list, { query: { kind: 'Cell' } });
  const offered = new Set(
    manifests.flatMap((cell) =>
      cell.kind === 'Cell' ? (cell.spec.offers ?? []).flatMap((offer) => (offer.events ?? []).map((e) => e.type)) : [],
    ),
  );
  const missing = [...new Set(events.map((e) => e.type))].filter((type) => !offered.has(type));
  if (missing.length > 0) {
    throw new InputError(
      `The organization on ${server.url} offers no ${missing.join(', ')}; cello simulate plays examples/acme, so start the server with \`cello serve --org examples/acme\`.`,
      { field: 'url', missing },
    );
  }
}

/** Publishes through the SDK, remembering the Retry-After of a 429 so the batch waits as long as the server asks. */
async function publish(
  url: string,
  token: string,
  events: readonly PublishEvent[],
  context: CommandContext,
): Promise<PublishTally> {
  let retryAfter: string | null = null;
  const client = createCelloClient({
    url,
    token,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      retryAfter = response.status === 429 ? response.headers.get('retry-after') : null;
      return response;
    },
  });
  return publishInBatches(
    events,
    { publish: (batch) => client.publish(batch), retryAfterMs: () => retryAfterMs(retryAfter) },
    {
      batchSize: BATCH_SIZE,
      maxWaits: 20,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onWait: (ms) =>
        context.output.err(
          `The server's rate limit was reached; waiting ${formatDuration(ms)} before sending the batch again.`,
        ),
    },
  );
}

/** Retry-After in seconds (what the server sends), else an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function printTally(tally: PublishTally, out: (line: string) => void): void {
  const rows = [...tally].sort(([a], [b]) => (a < b ? -1 : 1));
  const published = rows.reduce((sum, [, t]) => sum + t.published, 0);
  const duplicates = rows.reduce((sum, [, t]) => sum + t.duplicates, 0);
  out(`Published ${published} event(s)${duplicates > 0 ? `; ${duplicates} were already in the log` : ''}:`);
  const width = Math.max(...rows.map(([type]) => type.length));
  for (const [type, t] of rows)
    out(
      `  ${type.padEnd(width)}  ${String(t.published).padStart(5)}${t.duplicates > 0 ? `  (+${t.duplicates} already there)` : ''}`,
    );
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new InputError(`${flag} must be a whole number from ${min} to ${max}, not "${text}".`, {
      field: flag.slice(2),
    });
  }
  return value;
}

function slowCell(text: string | undefined): SlowCell | undefined {
  if (text === undefined) return undefined;
  const cell = text.replace(/^cell:/, '');
  if (!(SLOW_CELLS as readonly string[]).includes(cell)) {
    throw new InputError(
      `--slow takes a cell that answers requests in the simulation (${SLOW_CELLS.join(', ')}), not "${text}".`,
      { field: 'slow' },
    );
  }
  return cell as SlowCell;
}

import { callRoute } from '../../client/index.js';
import { DELIVERY_ROUTES } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

/** `cello deliveries [--failed]` and `cello replay …`. */
export const registerDeliveries: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('deliveries')
      .description('List webhook deliveries and their attempts (a cell token sees its own subscriptions)')
      .option('--failed', 'only dead letters and deliveries whose last attempt failed')
      .option('--subscription <name>', 'only this subscription')
      .option('--limit <n>', 'how many', '50')
      .option('--attempts', 'also show every attempt of each delivery')
      .option('--json', 'print JSON'),
  ).action(
    async (flags: {
      failed?: boolean;
      subscription?: string;
      limit: string;
      attempts?: boolean;
      json?: boolean;
      url?: string;
      token?: string;
    }) => {
      const server = connect(flags, context);
      const { deliveries } = await callRoute(server, DELIVERY_ROUTES.list, {
        query: {
          limit: Number(flags.limit),
          ...(flags.failed ? { failed: true } : {}),
          ...(flags.subscription ? { subscription: flags.subscription } : {}),
        },
      });
      if (flags.json) {
        context.output.out(JSON.stringify(deliveries, null, 2));
        return;
      }
      if (deliveries.length === 0) context.output.out(flags.failed ? 'No failed deliveries.' : 'No deliveries yet.');
      const paint = (s: string) =>
        s === 'succeeded' ? colors.green(s) : s === 'dead' ? colors.red(s) : colors.yellow(s);
      for (const d of deliveries) {
        context.output.out(
          `${d.id}  ${paint(d.status)}  ${d.subscription}  event #${d.eventSeq}  ${d.attempts} attempt(s)${d.lastStatusCode ? `  last ${d.lastStatusCode}` : ''}${d.lastError ? colors.dim(`  ${d.lastError}`) : ''}`,
        );
        if (flags.attempts) {
          const { attempts } = await callRoute(server, DELIVERY_ROUTES.attempts, { params: { id: d.id } });
          for (const a of attempts)
            context.output.out(
              `    #${a.attempt} ${a.startedAt} ${a.outcome} ${a.statusCode ?? '-'} ${a.durationMs}ms${a.error ? ` ${a.error}` : ''}`,
            );
        }
      }
    },
  );

  withServerOptions(
    program
      .command('replay')
      .description(
        "Redeliver a subscription's dead letters (--dead-letters --subscription X) or everything from an event (--from <seq>)",
      )
      .option('--dead-letters', 'put the dead letters of --subscription back in the outbox')
      .option('--subscription <name>', 'the subscription')
      .option('--from <seq>', 'route every event from this sequence number again'),
  ).action(
    async (flags: { deadLetters?: boolean; subscription?: string; from?: string; url?: string; token?: string }) => {
      if (!flags.deadLetters && flags.from === undefined)
        throw new InputError('Say what to replay: --dead-letters --subscription <name>, or --from <seq>.', {
          field: 'from',
        });
      if (flags.deadLetters && !flags.subscription)
        throw new InputError('--dead-letters needs --subscription <name>.', { field: 'subscription' });
      if (flags.from !== undefined && !/^[1-9]\d*$/.test(flags.from))
        throw new InputError(`--from must be an event sequence number (1 or more), not "${flags.from}".`, {
          field: 'from',
        });
      const server = connect(flags, context);
      const { queued } = await callRoute(server, DELIVERY_ROUTES.replay, {
        body: {
          ...(flags.deadLetters ? { deadLetters: true } : {}),
          ...(flags.subscription ? { subscription: flags.subscription } : {}),
          ...(flags.from !== undefined ? { fromSeq: Number(flags.from) } : {}),
        },
      });
      context.output.out(`Queued ${queued} deliver${queued === 1 ? 'y' : 'ies'} again.`);
    },
  );
};

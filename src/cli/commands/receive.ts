import http from 'node:http';
import { callRoute } from '../../client/index.js';
import { SUBSCRIPTION_ROUTES } from '../../model/index.js';
import { InputError, errorMessage, verifyWebhook } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

/**
 * `cello receive --port 4100 --secret whsec_…`: a webhook receiver for trying subscriptions out.
 * Prints each delivery and checks its Standard Webhooks signature.
 */
export const registerReceive: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('receive')
      .description('Run a local webhook receiver that prints deliveries and verifies their signatures')
      .option('--port <port>', 'port to listen on', '4100')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option(
        '--subscription <name>',
        "fetch this subscription's signing secret from the server (needs a token of its cell or the admin)",
      )
      .option(
        '--secret <secret>',
        'the signing secret itself; without it or --subscription, signatures are not checked',
      ),
  )
    .option(
      '--status <code>',
      'answer every delivery with this status (e.g. 503 to see retries and dead letters)',
      '204',
    )
    .option('--count <n>', 'exit after this many deliveries')
    .action(
      async (flags: {
        port: string;
        host: string;
        subscription?: string;
        secret?: string;
        status: string;
        count?: string;
        url?: string;
        token?: string;
      }) => {
        const port = Number(flags.port);
        const status = Number(flags.status);
        const count = flags.count === undefined ? Infinity : Number(flags.count);
        if (!Number.isInteger(port) || port < 0 || port > 65_535)
          throw new InputError(`--port must be 0 to 65535, not "${flags.port}".`, { field: 'port' });
        if (!Number.isInteger(status) || status < 200 || status > 599)
          throw new InputError(`--status must be an HTTP status from 200 to 599, not "${flags.status}".`, {
            field: 'status',
          });
        if (!(count > 0))
          throw new InputError(`--count must be a positive number, not "${flags.count}".`, { field: 'count' });
        if (flags.subscription && !flags.secret) {
          const { secret } = await callRoute(connect(flags, context), SUBSCRIPTION_ROUTES.secret, {
            params: { name: flags.subscription },
          });
          flags.secret = secret;
        }
        let received = 0;
        await new Promise<void>((resolve, reject) => {
          const server = http.createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (c: Buffer) => chunks.push(c));
            request.on('end', () => {
              const body = Buffer.concat(chunks).toString('utf8');
              let verdict = colors.dim('signature not checked');
              if (flags.secret) {
                try {
                  verifyWebhook(request.headers, body, flags.secret);
                  verdict = colors.green('signature ok');
                } catch (error) {
                  verdict = colors.red(`signature refused: ${errorMessage(error)}`);
                }
              }
              let summary = body;
              try {
                const event = JSON.parse(body) as { type?: string; subject?: string; data?: unknown };
                summary = `${colors.cyan(event.type ?? '?')}${event.subject ? ` ${event.subject}` : ''} ${JSON.stringify(event.data ?? null)}`;
              } catch {
                // Not JSON: print it as it came.
              }
              context.output.out(
                `${request.method} ${request.url} ${request.headers['webhook-id'] ?? ''} ${summary}  ${verdict}`,
              );
              response.writeHead(status).end();
              if (++received >= count) server.close(() => resolve());
            });
          });
          server.once('error', reject);
          server.listen(port, flags.host, () => {
            context.output.out(
              `Receiving webhooks on http://${flags.host}:${(server.address() as { port: number }).port}/ (answering ${status}). Stop with Ctrl+C.`,
            );
          });
          process.once('SIGINT', () => server.close(() => resolve()));
        });
      },
    );
};

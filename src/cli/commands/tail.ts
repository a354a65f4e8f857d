import { sendRoute } from '../../client/index.js';
import { EVENT_ROUTES } from '../../model/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';
import { connect, withServerOptions } from '../server-connection.js';

/** `cello tail [--type T]`: follow the live log over Server-Sent Events. */
export const registerTail: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('tail')
      .description('Follow events as they are committed (Server-Sent Events)')
      .option('--type <types>', 'exact types or prefixes such as com.acme.risk.*, comma-separated')
      .option('--subject <subject>', 'only events about this subject')
      .option('--after <seq>', 'start after this sequence number (0 = the whole log; default: now)')
      .option('--count <n>', 'stop after this many events')
      .option('--json', 'one JSON object per line'),
  ).action(
    async (flags: {
      type?: string;
      subject?: string;
      after?: string;
      count?: string;
      json?: boolean;
      url?: string;
      token?: string;
    }) => {
      const count = flags.count === undefined ? Infinity : Number(flags.count);
      if (!(count > 0))
        throw new InputError(`--count must be a positive number, not "${flags.count}".`, { field: 'count' });
      if (flags.after !== undefined && !/^\d+$/.test(flags.after))
        throw new InputError(`--after must be a sequence number, not "${flags.after}".`, { field: 'after' });
      const abort = new AbortController();
      // The stream is read as it comes; a refusal is thrown as the table's error (`error: …`, exit 1).
      const response = await sendRoute(
        connect(flags, context),
        EVENT_ROUTES.stream,
        {
          query: {
            ...(flags.type ? { type: flags.type } : {}),
            ...(flags.subject ? { subject: flags.subject } : {}),
            ...(flags.after !== undefined ? { after: Number(flags.after) } : {}),
          },
        },
        { signal: abort.signal },
      );
      if (!response.body) throw new InputError('The server answered the stream without a body; try again.');
      context.output.err(
        colors.dim(
          `Following ${flags.type ?? 'every type'}${flags.after === undefined ? ' from now' : ` after #${flags.after}`}; Ctrl+C stops. (--after 0 shows the whole log.)`,
        ),
      );
      let seen = 0;
      let buffer = '';
      const decoder = new TextDecoder();
      try {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (!data) continue;
            const event = JSON.parse(data) as {
              seq: number;
              time?: string;
              type: string;
              subject?: string;
              source: string;
              data?: unknown;
            };
            context.output.out(
              flags.json
                ? data
                : `${colors.dim(`#${event.seq}`)} ${event.time ?? ''} ${colors.cyan(event.type)}${event.subject ? ` ${event.subject}` : ''} ${colors.dim(event.source)}${event.data !== undefined ? ` ${JSON.stringify(event.data)}` : ''}`,
            );
            if (++seen >= count) {
              abort.abort();
              return;
            }
          }
        }
      } catch (error) {
        if (!abort.signal.aborted) throw error;
      }
    },
  );
};

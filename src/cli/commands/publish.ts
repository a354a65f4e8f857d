import { callRoute } from '../../client/index.js';
import { EVENT_ROUTES } from '../../model/index.js';
import { InputError, newId } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { connect, withServerOptions } from '../server-connection.js';

/** `cello publish --type T --source S --data '{…}'`: one structured-mode CloudEvent. */
export const registerPublish: RegisterCommand = (program, context) => {
  withServerOptions(
    program
      .command('publish')
      .description('Publish one CloudEvent to the server')
      .requiredOption('--type <type>', 'event type, e.g. com.acme.risk.score.changed')
      .requiredOption('--source <source>', 'event source, e.g. /risk/scoring')
      .option('--subject <subject>', 'what the event is about, e.g. loan-42')
      .option('--id <id>', 'event id (default: a new UUIDv7); publishing the same source and id twice stores it once')
      .option('--data <json>', 'event data as JSON'),
  ).action(
    async (flags: {
      type: string;
      source: string;
      subject?: string;
      id?: string;
      data?: string;
      url?: string;
      token?: string;
    }) => {
      let data: unknown;
      if (flags.data !== undefined) {
        try {
          data = JSON.parse(flags.data);
        } catch (error) {
          throw new InputError(
            `--data is not valid JSON (${(error as Error).message}); quote it, e.g. --data '{"score": 0.9}'.`,
            { field: 'data' },
          );
        }
      }
      const event = {
        specversion: '1.0',
        id: flags.id ?? newId(),
        source: flags.source,
        type: flags.type,
        time: new Date().toISOString(),
        ...(flags.subject ? { subject: flags.subject } : {}),
        ...(data !== undefined ? { datacontenttype: 'application/json', data } : {}),
      };
      // A refusal is thrown as the table's error: `error: <the server's sentence>`, exit 1.
      const { events } = await callRoute(connect(flags, context), EVENT_ROUTES.publish, {
        body: JSON.stringify(event),
        contentType: 'application/cloudevents+json',
      });
      const [outcome] = events;
      context.output.out(
        `${outcome?.duplicate ? 'Already in the log' : 'Published'}: ${event.type} ${event.id} (#${outcome?.seq})`,
      );
    },
  );
};

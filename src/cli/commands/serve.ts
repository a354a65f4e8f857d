import { compileConfig, createApp } from '../../app/index.js';
import { createToken } from '../../engine/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';

export const registerServe: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('Run the Cello server: event ingest, subscriptions and deliveries, the API and the dashboard')
    .option('--port <port>', 'port to listen on', '7420')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'SQLite data folder (default: $CELLO_DATA_DIR or .cello; ignored when CELLO_DATABASE_URL is set)',
    )
    .option('--org <dir>', 'apply this manifest folder at start-up, as `cello apply` would')
    .action(async (flags: { port: string; host: string; dataDir: string; org?: string }) => {
      const config = compileConfig({
        port: flags.port,
        host: flags.host,
        dataDir: flags.dataDir,
        ...(flags.org ? { org: flags.org } : {}),
        cwd: context.cwd,
        env: context.env,
      });
      const app = await createApp(config);
      const url = await app.listen();
      const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dataDir}/cello.db`;
      context.output.out(`${colors.green('Cello')} is listening on ${colors.bold(url)} (${where}).`);
      if (!config.adminTokenHash && (await app.store.tokens.list()).length === 0) {
        // First start with no way in: mint an admin token and show it once.
        const { token } = await createToken(app.store.tokens, { admin: true, label: 'first start' });
        context.output.out(`Admin token (shown once, stored hashed): ${colors.bold(token)}`);
        context.output.out(`  export CELLO_TOKEN=${token}   # for the CLI; paste it into the dashboard to sign in`);
      }
      context.output.out(`Dashboard: ${url}/   API: ${url}/openapi.json   Stop with Ctrl+C.`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      context.output.out('Stopping: finishing deliveries in flight…');
      await app.close();
    });
};

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { compileConfig, openStore } from '../../app/index.js';
import { createOrgView } from '../../engine/index.js';
import { compileCaseNotion, parseLiveLogQuery, readLiveLog, writeXes, type TextSink } from '../../insights/index.js';
import { InputError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';

interface ExportFlags {
  xes?: boolean;
  out?: string;
  dataDir: string;
  type?: string;
  from?: string;
  to?: string;
  workflow?: string;
  template?: string;
  resource?: string;
  cello?: boolean;
}

/**
 * `cello export --xes [--out file]`: the live log as XES (IEEE 1849), cases as the organization defines them,
 * read from the store in batches. `cello mine` reads the file back to the same figures.
 */
export const registerExport: RegisterCommand = (program, context) => {
  program
    .command('export')
    .description('Write the live event log as XES (IEEE 1849) for process-mining tools; `cello mine` reads it back')
    .option('--xes', 'write XES (the one format so far)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--data-dir <dir>',
      'SQLite data folder (default: $CELLO_DATA_DIR or .cello; ignored when CELLO_DATABASE_URL is set)',
    )
    .option(
      '--type <list>',
      'exact types or prefixes ending in .*, comma-separated (default: all but Cello’s own records; workflow events stay)',
    )
    .option('--from <time>', 'RFC 3339, or a duration back from now such as 28d')
    .option('--to <time>', 'RFC 3339, or a duration back from now')
    .option('--workflow <name>', 'only cases with an event of this workflow')
    .option('--template <name>', 'only cases with an event of this template (name or name@version)')
    .option('--resource <what>', 'org:resource = publisher (default) or data.<field>')
    .option('--cello', 'keep Cello’s own records (tensions, reviews, deliveries…)')
    .action(async (flags: ExportFlags) => {
      if (!flags.xes)
        throw new InputError(
          'Say which format to export: --xes (IEEE 1849, read by `cello mine`, PM4Py, ProM, Celonis…).',
          { field: 'xes' },
        );
      const { type, from, to, workflow, template, resource } = flags;
      const query = parseLiveLogQuery(
        { type, from, to, workflow, template, resource, ...(flags.cello ? { cello: 'true' } : {}) },
        new Date(),
      );
      const store = await openStore(compileConfig({ dataDir: flags.dataDir, cwd: context.cwd, env: context.env }));
      try {
        const org = createOrgView((await store.manifests.current()).map((v) => v.manifest));
        const live = await readLiveLog(
          {
            events: store.events,
            notion: compileCaseNotion(org.byKind('Organization')[0]),
            ownerOfType: (t) => org.ownerOfType(t),
          },
          query,
        );
        const summary = `${live.log.caseIds.length} cases, ${live.log.eventCount} events (${live.withoutCase} without a case id left out)`;
        if (!flags.out) {
          await writeXes(live.log, (chunk) => context.output.out(chunk), { name: 'Cello live log' });
          context.output.err(`Exported ${summary}.`);
          return;
        }
        const file = path.resolve(context.cwd, flags.out);
        const stream = createWriteStream(file);
        let failed: Error | undefined;
        stream.on('error', (error) => (failed = error));
        const sink: TextSink = async (chunk) => {
          if (failed) throw failed;
          if (!stream.write(chunk)) await once(stream, 'drain');
        };
        try {
          await writeXes(live.log, sink, { name: 'Cello live log' });
        } finally {
          stream.end();
          await once(stream, 'close');
        }
        if (failed)
          throw new InputError(`Cannot write ${file}: ${failed.message}; check the folder exists and is writable.`, {
            field: 'out',
          });
        context.output.err(`Exported ${summary} to ${file}.`);
      } finally {
        await store.close();
      }
    });
};

import { compileConfig, openStore } from '../../app/index.js';
import { diffFields } from '../../manifests/index.js';
import { parseRef } from '../../model/index.js';
import { NotFoundError } from '../../shared/index.js';
import type { RegisterCommand } from '../context.js';
import { colors } from '../output.js';

/** `cello history cell:risk`: every applied version of a manifest, with what changed in each. */
export const registerHistory: RegisterCommand = (program, context) => {
  program
    .command('history <ref>')
    .description(
      'Every applied version of a manifest (e.g. cell:risk, template:case-handling@2), with the fields each version changed',
    )
    .option(
      '--data-dir <dir>',
      'SQLite data folder (default: $CELLO_DATA_DIR or .cello; ignored when CELLO_DATABASE_URL is set)',
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (text: string, flags: { dataDir: string; format: string }) => {
      const ref = parseRef(text);
      const store = await openStore(compileConfig({ dataDir: flags.dataDir, cwd: context.cwd, env: context.env }));
      try {
        const versions = await store.manifests.history(
          ref.kind,
          ref.version === undefined ? ref.name : `${ref.name}@${ref.version}`,
        );
        if (versions.length === 0)
          throw new NotFoundError(`${text} was never applied; check the name, or run \`cello apply\` first.`);
        if (flags.format === 'json') {
          context.output.out(JSON.stringify({ ref: text, versions }, null, 2));
          return;
        }
        versions.forEach((v, i) => {
          const previous = versions[i - 1];
          const what = v.removed
            ? colors.red('removed')
            : previous && !previous.removed
              ? `${diffFields(previous.manifest, v.manifest).length} field(s) changed`
              : 'created';
          context.output.out(`v${v.version}  ${v.appliedAt}  ${what}`);
          if (previous && !previous.removed && !v.removed) {
            for (const c of diffFields(previous.manifest, v.manifest))
              context.output.out(`    ${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
          }
        });
      } finally {
        await store.close();
      }
    });
};

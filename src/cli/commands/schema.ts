import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_KINDS_SCHEMA_FILE, buildJsonSchemas, schemaText } from '../../manifests/index.js';
import { CELLO_EVENT_TYPES, celloEventsAsyncApi } from '../../model/index.js';
import type { CommandContext, RegisterCommand } from '../context.js';

/** Where `cello schema` writes the manifest schemas when `--out` names no folder. */
const DEFAULT_SCHEMA_DIR = 'schemas';

/** Writes one JSON Schema per kind plus the all-kinds schema into `dir`; returns the files written. */
export async function writeJsonSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const schemas = buildJsonSchemas();
  await Promise.all(schemas.map(({ file, schema }) => writeFile(path.join(dir, file), schemaText(schema))));
  return schemas.map(({ file }) => path.join(dir, file));
}

/**
 * `cello schema [--out dir]`: JSON Schemas for editors (yaml-language-server) and other tools.
 * `cello schema --events [--out file]`: the AsyncAPI 3.0.0 document of Cello's own events.
 */
export const registerSchema: RegisterCommand = (program, context) => {
  program
    .command('schema')
    .description(
      'Write a JSON Schema per manifest kind, plus cello.json for all kinds, for editor completion and checks; with --events, print the AsyncAPI document of the events Cello itself emits',
    )
    .option('--out <path>', `folder to write the schemas into (default: ${DEFAULT_SCHEMA_DIR}); with --events, a file`)
    .option('--events', "the AsyncAPI 3.0.0 document of Cello's own events (JSON), on stdout unless --out names a file")
    .addHelpText(
      'after',
      `\nPoint an editor at the all-kinds schema with a first line in each manifest file, e.g.\n  # yaml-language-server: $schema=../schemas/${ALL_KINDS_SCHEMA_FILE}\n(the path is relative to the manifest file).`,
    )
    .action(async (flags: { out?: string; events?: boolean }) => {
      if (flags.events) return writeEventsDocument(context, flags.out, program.version() ?? '0.0.0');
      const dir = path.resolve(context.cwd, flags.out ?? DEFAULT_SCHEMA_DIR);
      const files = await writeJsonSchemas(dir);
      const shown = path.relative(context.cwd, dir) || '.';
      context.output.out(`Wrote ${files.length} JSON Schemas to ${shown}/.`);
      context.output.out(
        `For editor completion, start each manifest file with:\n  # yaml-language-server: $schema=<path from the file to ${shown}/${ALL_KINDS_SCHEMA_FILE}>`,
      );
    });
};

async function writeEventsDocument(context: CommandContext, out: string | undefined, version: string): Promise<void> {
  const text = `${JSON.stringify(celloEventsAsyncApi({ version }), null, 2)}\n`;
  if (!out) return context.output.out(text);
  const file = path.resolve(context.cwd, out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  context.output.out(
    `Wrote the AsyncAPI document of Cello's ${CELLO_EVENT_TYPES.length} event types to ${path.relative(context.cwd, file)}.`,
  );
}

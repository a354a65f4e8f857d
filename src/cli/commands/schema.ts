import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_KINDS_SCHEMA_FILE, buildJsonSchemas, schemaText } from '../../manifests/index.js';
import type { RegisterCommand } from '../context.js';

/** Writes one JSON Schema per kind plus the all-kinds schema into `dir`; returns the files written. */
export async function writeJsonSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const schemas = buildJsonSchemas();
  await Promise.all(schemas.map(({ file, schema }) => writeFile(path.join(dir, file), schemaText(schema))));
  return schemas.map(({ file }) => path.join(dir, file));
}

/** `cello schema [--out dir]`: JSON Schemas for editors (yaml-language-server) and other tools. */
export const registerSchema: RegisterCommand = (program, context) => {
  program
    .command('schema')
    .description(
      'Write a JSON Schema per manifest kind, plus cello.json for all kinds, for editor completion and checks',
    )
    .option('--out <dir>', 'folder to write the schemas into', 'schemas')
    .addHelpText(
      'after',
      `\nPoint an editor at the all-kinds schema with a first line in each manifest file, e.g.\n  # yaml-language-server: $schema=../schemas/${ALL_KINDS_SCHEMA_FILE}\n(the path is relative to the manifest file).`,
    )
    .action(async (flags: { out: string }) => {
      const dir = path.resolve(context.cwd, flags.out);
      const files = await writeJsonSchemas(dir);
      const shown = path.relative(context.cwd, dir) || '.';
      context.output.out(`Wrote ${files.length} JSON Schemas to ${shown}/.`);
      context.output.out(
        `For editor completion, start each manifest file with:\n  # yaml-language-server: $schema=<path from the file to ${shown}/${ALL_KINDS_SCHEMA_FILE}>`,
      );
    });
};

import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_KINDS_SCHEMA_FILE } from '../../manifests/index.js';
import type { RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { writeJsonSchemas } from './schema.js';

/** The example every `cello init` copies: examples/acme of this package (the same from src/ and dist/). */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/acme', import.meta.url));
const MODELINE = /^# yaml-language-server: \$schema=.*$/m;

/** `cello init [dir]`: scaffolds the example organization, with JSON Schemas for the editor. */
export const registerInit: RegisterCommand = (program, context) => {
  program
    .command('init [dir]')
    .description('Create an example organization (a copy of examples/acme) that validates clean, to start from')
    .option('--force', 'write into a folder that is not empty, overwriting files of the same name')
    .action(async (dir: string | undefined, flags: { force?: boolean }) => {
      const target = path.resolve(context.cwd, dir ?? '.');
      const shown = path.relative(context.cwd, target) || '.';
      if (!existsSync(EXAMPLE_DIR)) {
        context.output.err(
          `error: The example organization is missing from this installation (${EXAMPLE_DIR}); reinstall cello.`,
        );
        context.exit(EXIT.failed);
        return;
      }
      if (!flags.force && (await isNonEmptyDir(target))) {
        context.output.err(
          `error: ${shown} is not empty; pass a new folder (e.g. cello init my-org) or add --force to write into it anyway.`,
        );
        context.exit(EXIT.failed);
        return;
      }
      const schemaDir = path.join(target, 'schemas');
      const files = await copyExample(EXAMPLE_DIR, target, path.join(schemaDir, ALL_KINDS_SCHEMA_FILE));
      await writeJsonSchemas(schemaDir);
      context.output.out(
        `Created an example organization in ${shown} (${files} files) and its JSON Schemas in ${path.join(shown, 'schemas')}.`,
      );
      context.output.out(`Next: cello validate ${shown}`);
    });
};

async function isNonEmptyDir(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory()) return true;
  return (await readdir(dir)).length > 0;
}

/** Copies the example; each manifest's editor comment is rewritten to point at the copied schemas. */
async function copyExample(from: string, to: string, schemaFile: string): Promise<number> {
  await mkdir(to, { recursive: true });
  let count = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      count += await copyExample(source, target, schemaFile);
      continue;
    }
    let text = await readFile(source, 'utf8');
    if (/\.ya?ml$/.test(entry.name) && MODELINE.test(text)) {
      const relative = path.relative(path.dirname(target), schemaFile).split(path.sep).join('/');
      text = text.replace(MODELINE, `# yaml-language-server: $schema=${relative}`);
    }
    await writeFile(target, text);
    count++;
  }
  return count;
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { InputError } from '../../shared/index.js';
import { IMPORT_SOURCES, type ImportSource } from '../imported-manifest.js';

/** The folder, inside the org folder, where each source records what its last import wrote. */
export const RECORD_DIR = '.cello-import';

const RecordedManifest = Type.Object({
  /** `cell:team-a`. */
  key: Type.String(),
  /** Where the import put it, relative to the org folder. */
  file: Type.String(),
  partial: Type.Boolean(),
  manifest: Type.Object({ kind: Type.String(), metadata: Type.Object({ name: Type.String() }) }),
});

const ImportRecordSchema = Type.Object({
  source: Type.Union(IMPORT_SOURCES.map((s) => Type.Literal(s))),
  manifests: Type.Array(RecordedManifest),
  files: Type.Array(Type.Object({ path: Type.String(), text: Type.String() })),
});

/** What one source's last import wrote: the base of the next import's three-way merge. */
export type ImportRecord = Static<typeof ImportRecordSchema>;
export type RecordedManifest = Static<typeof RecordedManifest>;

/** The file a source's record is kept in. */
export function recordFile(dir: string, source: ImportSource): string {
  return path.join(dir, RECORD_DIR, `${source}.json`);
}

/** The record of the last import from `source` into `dir`, or `undefined` when there was none. */
export async function readImportRecord(dir: string, source: ImportSource): Promise<ImportRecord | undefined> {
  const file = recordFile(dir, source);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Value.Check(ImportRecordSchema, value) || value.source !== source) {
    throw new InputError(
      `${file} is not a record of a Cello import from ${source}; restore it from version control, or delete it to import as if for the first time (then every field you changed and the source changed too is listed as a conflict).`,
      { path: file },
    );
  }
  return value;
}

/** Keeps what this import wrote, for the next one. */
export async function writeImportRecord(dir: string, record: ImportRecord): Promise<string> {
  const file = recordFile(dir, record.source);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isCollection, isMap, isScalar, isSeq, parseAllDocuments, stringify } from 'yaml';
import type { Manifest } from '../model/index.js';

/** A comment for one field of a manifest, e.g. where its value came from. */
export interface FieldNote {
  path: readonly (string | number)[];
  note: string;
}

/** Comments to write with a manifest: a header above it, and notes beside its fields. */
export interface ManifestNotes {
  header?: string;
  fields?: readonly FieldNote[];
}

const LINE_WIDTH = 120;

/** When an edit cannot be made in place, the document is printed again without re-folding long lines. */
const KEEP_LINES = { lineWidth: 0 } as const;

/** A manifest as the YAML an org-as-code repository holds, with its notes as comments. */
export function manifestToYaml(manifest: Manifest, notes: ManifestNotes = {}): string {
  if (!notes.header && !notes.fields?.length) return stringify(manifest, { lineWidth: LINE_WIDTH });
  const doc = new Document(manifest);
  if (notes.header) doc.commentBefore = commentText(notes.header);
  annotate(doc, notes.fields ?? [], []);
  return doc.toString({ lineWidth: LINE_WIDTH });
}

/**
 * Writes a manifest into an org-as-code folder: the YAML document of the same kind and name is updated in place,
 * field by field, so comments and the other documents of the file stay as they were (fields it adds get their
 * notes); when the folder has no such document, it goes into `options.file` (relative to the folder, appended as
 * another document when that file exists), by default a new file `<kind>-<name>.yaml`. Returns the file written.
 */
export async function writeManifestIntoFolder(
  dir: string,
  manifest: Manifest,
  options: { file?: string; notes?: ManifestNotes } = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const found = await findManifestDocument(dir, manifest.kind, manifest.metadata.name);
  if (found) {
    const { file, text, documents, index } = found;
    const target = documents[index]!;
    const notes = options.notes?.fields ?? [];
    const edits: Edit[] = [];
    collectEdits(target.toJS(), manifest, [], edits);
    const inPlace = notes.length === 0 ? textEdits(target, text, edits) : undefined;
    if (inPlace) {
      let updated = text;
      for (const edit of inPlace.sort((a, b) => b.start - a.start))
        updated = updated.slice(0, edit.start) + edit.text + updated.slice(edit.end);
      await writeFile(file, updated);
      return file;
    }
    for (const edit of edits) {
      if ('remove' in edit) target.deleteIn(edit.path);
      else {
        target.setIn(edit.path, target.createNode(edit.value));
        annotate(target, notes, edit.path);
      }
    }
    const [start, , end] = target.range!;
    // A comment above the first document lies before its range but also prints with it: keep one copy.
    const before = text.slice(0, start);
    let updated = target.toString(KEEP_LINES);
    while (updated.startsWith('#') && before.includes(updated.slice(0, updated.indexOf('\n') + 1)))
      updated = updated.slice(updated.indexOf('\n') + 1);
    await writeFile(file, `${before}${updated}${text.slice(end)}`);
    return file;
  }
  const file = path.join(dir, options.file ?? `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`);
  await mkdir(path.dirname(file), { recursive: true });
  const existing = await readFile(file, 'utf8').catch(() => '');
  const yaml = manifestToYaml(manifest, options.notes);
  await writeFile(file, existing.trim() ? `${existing.replace(/\n*$/, '\n')}---\n${yaml}` : yaml);
  return file;
}

/** Removes the document of a manifest from the folder (the file too when it held nothing else); returns its file. */
export async function removeManifestFromFolder(
  dir: string,
  kind: Manifest['kind'],
  name: string,
): Promise<string | undefined> {
  const found = await findManifestDocument(dir, kind, name);
  if (!found) return undefined;
  const { file, text, documents, index } = found;
  if (documents.length === 1) {
    await unlink(file);
    return file;
  }
  // A document's text runs from the end of the one before (its `---` and leading comments) to its own end.
  const start = index === 0 ? 0 : documents[index - 1]!.range![2];
  const end = documents[index]!.range![2];
  await writeFile(file, text.slice(0, start) + text.slice(end));
  return file;
}

const SKIPPED = new Set(['node_modules', '.git', '.cello', 'dist']);

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) out.push(...(await yamlFiles(full)));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

async function findManifestDocument(dir: string, kind: string, name: string) {
  for (const file of await yamlFiles(dir)) {
    const text = await readFile(file, 'utf8');
    if (!text.includes(name)) continue;
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents)) continue;
    const index = documents.findIndex((d) => {
      const value = d.errors.length === 0 ? (d.toJS() as Partial<Manifest> | null) : null;
      return value?.kind === kind && value.metadata?.name === name && d.range;
    });
    if (index >= 0) return { file, text, documents, index };
  }
  return undefined;
}

type Path = (string | number)[];
type Edit = { path: Path; value: unknown } | { path: Path; remove: true };

/** The values that differ between the document and the manifest: untouched nodes keep their comments and style. */
function collectEdits(before: unknown, after: unknown, at: Path, out: Edit[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) if (!(key in after)) out.push({ path: [...at, key], remove: true });
    for (const [key, value] of Object.entries(after)) collectEdits(before[key], value, [...at, key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((value, i) => collectEdits(before[i], value, [...at, i], out));
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: at, value: after });
}

/**
 * The edits as replacements of the changed values' own text, so the organization's diff shows only the lines a
 * decision changed: a scalar is rewritten where it stands, a flow list or map (`[a, b]`) as a flow list or map in
 * the same padding. Undefined when an edit adds or removes a key, or changes a block collection: then the document
 * is printed again.
 */
function textEdits(
  doc: Document,
  text: string,
  edits: Edit[],
): { start: number; end: number; text: string }[] | undefined {
  const out: { start: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    if ('remove' in edit) return undefined;
    const node = doc.getIn(edit.path, true);
    if (!isScalar(node) && !isSeq(node) && !isMap(node)) return undefined;
    if (!node.range) return undefined;
    const [start, end] = node.range;
    const collection = typeof edit.value === 'object' && edit.value !== null;
    let replacement: string;
    if (isScalar(node) && !collection) {
      replacement = stringify(edit.value, KEEP_LINES).trimEnd();
      // A plain scalar inside a flow collection must not carry the collection's own punctuation.
      if (typeof edit.value === 'string' && /[,[\]{}]/.test(replacement)) replacement = JSON.stringify(edit.value);
    } else if (!isScalar(node) && node.flow && collection) {
      const padded = /^[[{][ \t]/.test(text.slice(start, end));
      replacement = stringify(edit.value, { ...KEEP_LINES, collectionStyle: 'flow', flowCollectionPadding: padded });
      replacement = replacement.trimEnd();
    } else return undefined;
    if (replacement.includes('\n')) return undefined;
    out.push({ start, end, text: replacement });
  }
  return out;
}

/** Puts each note under `within` beside its field: after a plain value, above a list or mapping. */
function annotate(doc: Document, notes: readonly FieldNote[], within: readonly (string | number)[]): void {
  for (const { path: at, note } of notes) {
    if (!within.every((segment, i) => at[i] === segment)) continue;
    const node = doc.getIn(at, true);
    if (isScalar(node)) node.comment = commentText(note);
    else if (isCollection(node)) node.commentBefore = commentText(note);
  }
}

function commentText(text: string): string {
  return text
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

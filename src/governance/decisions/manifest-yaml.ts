import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseAllDocuments, stringify, type Document } from 'yaml';
import type { Manifest } from '../../model/index.js';

/** A manifest as the YAML an org-as-code repository holds. */
export function manifestToYaml(manifest: Manifest): string {
  return stringify(manifest, { lineWidth: 120 });
}

/** The file name of a proposed version: `agreement-payments-risk-v2.yaml`. */
export function proposalFileName(manifest: Manifest, version: number): string {
  return `${manifest.kind.toLowerCase()}-${manifest.metadata.name}-v${version}.yaml`;
}

/** When an edit cannot be made in place, the document is printed again without re-folding long lines. */
const KEEP_LINES = { lineWidth: 0 } as const;

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

/**
 * Writes a manifest into an org-as-code folder: the YAML document of the same kind and name is updated in place,
 * field by field, so comments and the other documents of the file stay as they were; when the folder has no such
 * document, a new file `<kind>-<name>.yaml` is written. Returns the file written.
 */
export async function writeManifestIntoFolder(dir: string, manifest: Manifest): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const file of await yamlFiles(dir)) {
    const text = await readFile(file, 'utf8');
    if (!text.includes(manifest.metadata.name)) continue;
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents)) continue;
    const target = documents.find((d) => {
      const value = d.errors.length === 0 ? (d.toJS() as Partial<Manifest> | null) : null;
      return value?.kind === manifest.kind && value.metadata?.name === manifest.metadata.name;
    });
    if (!target?.range) continue;
    const edits: Edit[] = [];
    collectEdits(target.toJS(), manifest, [], edits);
    const inPlace = textEdits(target, text, edits);
    if (inPlace) {
      let updated = text;
      for (const edit of inPlace.sort((a, b) => b.start - a.start))
        updated = updated.slice(0, edit.start) + edit.text + updated.slice(edit.end);
      await writeFile(file, updated);
      return file;
    }
    for (const edit of edits)
      if ('remove' in edit) target.deleteIn(edit.path);
      else target.setIn(edit.path, target.createNode(edit.value));
    const [start, , end] = target.range;
    // A comment above the first document lies before its range but also prints with it: keep one copy.
    const before = text.slice(0, start);
    let updated = target.toString(KEEP_LINES);
    while (updated.startsWith('#') && before.includes(updated.slice(0, updated.indexOf('\n') + 1)))
      updated = updated.slice(updated.indexOf('\n') + 1);
    await writeFile(file, `${before}${updated}${text.slice(end)}`);
    return file;
  }
  const file = path.join(dir, `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`);
  await writeFile(file, manifestToYaml(manifest));
  return file;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

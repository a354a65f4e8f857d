import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments, stringify, type Document } from 'yaml';
import type { Manifest } from '../../model/index.js';

/** A manifest as the YAML an org-as-code repository holds. */
export function manifestToYaml(manifest: Manifest): string {
  return stringify(manifest, { lineWidth: 120 });
}

/** The file name of a proposed version: `agreement-payments-risk-v2.yaml`. */
export function proposalFileName(manifest: Manifest, version: number): string {
  return `${manifest.kind.toLowerCase()}-${manifest.metadata.name}-v${version}.yaml`;
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
    updateDocument(target, target.toJS(), manifest, []);
    const [start, , end] = target.range;
    // A comment above the first document lies before its range but also prints with it: keep one copy.
    const before = text.slice(0, start);
    let updated = target.toString();
    while (updated.startsWith('#') && before.includes(updated.slice(0, updated.indexOf('\n') + 1)))
      updated = updated.slice(updated.indexOf('\n') + 1);
    await writeFile(file, `${before}${updated}${text.slice(end)}`);
    return file;
  }
  const file = path.join(dir, `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`);
  await writeFile(file, manifestToYaml(manifest));
  return file;
}

/** Edits only the nodes whose values differ, so untouched nodes keep their comments and style. */
function updateDocument(doc: Document, before: unknown, after: unknown, at: (string | number)[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) if (!(key in after)) doc.deleteIn([...at, key]);
    for (const [key, value] of Object.entries(after)) updateDocument(doc, before[key], value, [...at, key]);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((value, i) => updateDocument(doc, before[i], value, [...at, i]));
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) doc.setIn(at, doc.createNode(after));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadManifestFolder } from '../../manifests/index.js';
import type { Manifest } from '../../model/index.js';

/** What the org folder holds now: "ours" in the three-way merge. */
export interface FolderState {
  /** The org folder, absolute. */
  dir: string;
  /** By `cell:team-a`, with the file each is in (relative, `/`-separated). */
  manifests: ReadonlyMap<string, { manifest: Manifest; file: string }>;
  /** Keys of documents that name themselves but fail their schema: an import leaves them alone. */
  invalid: ReadonlySet<string>;
  /** The current text of the files an import writes besides manifests (relative paths), `undefined` when missing. */
  texts: ReadonlyMap<string, string | undefined>;
}

/** The key a manifest has in an import: `cell:team-a`, as references and the loader write it. */
export function importKey(manifest: { kind: string; metadata: { name: string } }): string {
  return `${manifest.kind.toLowerCase()}:${manifest.metadata.name}`;
}

/** Reads the org folder's manifests (none when it does not exist yet). */
export async function readFolderState(dir: string): Promise<FolderState> {
  const exists = (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
  const manifests = new Map<string, { manifest: Manifest; file: string }>();
  let invalid = new Set<string>();
  if (exists) {
    const loaded = await loadManifestFolder(dir, { asyncapi: false });
    for (const { manifest, source } of loaded.manifests) {
      const key = importKey(manifest);
      if (!manifests.has(key)) manifests.set(key, { manifest, file: relative(dir, source.file) });
    }
    invalid = loaded.invalid;
  }
  return { dir, manifests, invalid, texts: new Map() };
}

/** The folder state with the current text of `files` (relative paths). */
export async function withFileTexts(folder: FolderState, files: readonly string[]): Promise<FolderState> {
  const texts = new Map<string, string | undefined>();
  for (const file of files) texts.set(file, await readFile(path.join(folder.dir, file), 'utf8').catch(() => undefined));
  return { ...folder, texts };
}

function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

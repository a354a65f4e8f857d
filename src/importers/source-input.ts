import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readBoundedText, formatBytes } from '../manifests/index.js';
import { InputError } from '../shared/index.js';
import { fetchText } from './fetch-text.js';
import type { ImportLimits } from './import-limits.js';

/** Where a source document is: a local file (absolute path) or an http(s) URL. */
export type SourceLocation = { kind: 'file'; path: string } | { kind: 'url'; url: URL };

/** A file or URL to read, and the folder it was given in: what it points at must stay inside that folder. */
export interface SourceEntry {
  location: SourceLocation;
  /** An absolute folder, or a URL ending in `/`. */
  root: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The files and URLs the command line names: a folder stands for the files in it (and its subfolders) whose names
 * end in one of `extensions`. Throws when an input is missing, is a URL of another scheme than http(s), or
 * a folder holds more files than an import reads.
 */
export async function resolveInputs(
  inputs: readonly string[],
  cwd: string,
  extensions: readonly string[],
  limits: Pick<ImportLimits, 'maxFiles'>,
): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const input of inputs) {
    if (SCHEME.test(input)) {
      const url = new URL(input);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new InputError(
          `"${input}" is a ${url.protocol.slice(0, -1)}: URL; Cello imports URLs over http and https only. Download it and pass the file instead.`,
          { value: input },
        );
      }
      entries.push({ location: { kind: 'url', url }, root: new URL('./', url).href });
      continue;
    }
    const full = path.resolve(cwd, input);
    const info = await stat(full).catch(() => undefined);
    if (!info)
      throw new InputError(`"${input}" does not exist; pass a file, a folder or an http(s) URL.`, { value: input });
    if (info.isDirectory()) {
      const files = await filesIn(full, extensions);
      if (files.length > limits.maxFiles) {
        throw new InputError(
          `"${input}" holds ${files.length} matching files, over the ${limits.maxFiles} one import reads; pass the folder of the catalog or team documents, not a larger tree.`,
          { value: input },
        );
      }
      entries.push(...files.map((file) => ({ location: { kind: 'file' as const, path: file }, root: full })));
    } else {
      entries.push({ location: { kind: 'file', path: full }, root: path.dirname(full) });
    }
  }
  return entries;
}

/** The text of a source, or why it cannot be read (as a sentence fragment after its name). */
export async function readSource(
  location: SourceLocation,
  limits: Pick<ImportLimits, 'maxBytes' | 'fetchTimeoutMs'>,
): Promise<{ text: string } | { problem: string }> {
  if (location.kind === 'url') return fetchText(location.url, limits);
  try {
    const read = await readBoundedText(location.path, limits.maxBytes);
    if ('text' in read) return read;
    return {
      problem: `is ${formatBytes(read.tooLarge)}, over the ${formatBytes(limits.maxBytes)} one source may hold`,
    };
  } catch (error) {
    return { problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The absolute path or URL of a location: what findings name and what identifies it. */
export function locationName(location: SourceLocation): string {
  return location.kind === 'file' ? location.path : location.url.href;
}

async function filesIn(dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...(await filesIn(full, extensions)));
    } else if (entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      out.push(full);
    }
  }
  return out;
}

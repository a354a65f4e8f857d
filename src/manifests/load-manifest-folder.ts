import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/index.js';
import { API_VERSION, MANIFEST_KINDS, MANIFEST_SCHEMAS, isManifestKind, type Manifest } from '../model/index.js';
import { checkAsyncApiOffers } from './asyncapi-offers.js';
import { suggestion } from './did-you-mean.js';
import { formatPath, type Finding } from './finding.js';
import type { LoadedManifest } from './org-model.js';
import { schemaProblems } from './schema-problems.js';
import { FOLDER_LIMITS, fileTooLarge, readBoundedText } from './read-bounded-text.js';
import { parseYamlDocuments, type YamlDocumentSource } from './yaml-source.js';

/** What a folder of manifests holds: the manifests that passed their schema, and every problem found. */
export interface LoadResult {
  manifests: LoadedManifest[];
  findings: Finding[];
  /** Every YAML file read, in order. */
  files: string[];
  /** `kind:name` of documents that name themselves but failed their schema: they exist, so references to them are not dangling. */
  invalid: Set<string>;
}

export interface LoadOptions {
  /** Validate AsyncAPI documents that event offers point at (default true; compiling the official schema costs ~200 ms once). */
  asyncapi?: boolean;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

/** Reads every `*.yaml` / `*.yml` under `dir` (all documents of each), and reports all problems at once. */
export async function loadManifestFolder(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info)
    throw new InputError(
      `The folder "${dir}" does not exist; pass the folder that holds your manifests, e.g. cello validate examples/acme.`,
      { path: dir },
    );
  if (!info.isDirectory())
    throw new InputError(`"${dir}" is a file, not a folder; pass the folder that holds your manifests.`, { path: dir });

  const files = await yamlFiles(dir);
  if (files.length > FOLDER_LIMITS.maxFiles) {
    throw new InputError(
      `"${dir}" holds ${files.length} YAML files, over the limit of ${FOLDER_LIMITS.maxFiles}; point Cello at the folder of the organization's manifests, not a larger tree.`,
      { path: dir, files: files.length },
    );
  }
  const result: LoadResult = { manifests: [], findings: [], files, invalid: new Set() };
  const texts = await Promise.all(
    files.map((file) =>
      readBoundedText(file).then(
        (read) => ({ file, ...read }),
        (error: Error) => ({ file, error }),
      ),
    ),
  );
  for (const entry of texts) {
    if ('tooLarge' in entry) {
      result.findings.push(fileTooLarge(entry.file, entry.tooLarge));
      continue;
    }
    if ('error' in entry) {
      result.findings.push({
        ruleId: 'file-unreadable',
        severity: 'error',
        file: entry.file,
        line: 0,
        column: 0,
        message: `This file cannot be read: ${entry.error.message}.`,
        hint: 'check its permissions',
      });
      continue;
    }
    const parsed = parseYamlDocuments(entry.file, entry.text);
    result.findings.push(...parsed.findings);
    for (const document of parsed.documents) readManifest(document, result);
  }
  if (options.asyncapi !== false) result.findings.push(...(await checkAsyncApiOffers(result.manifests)));
  return result;
}

function readManifest(document: YamlDocumentSource, result: LoadResult): void {
  const value = document.value;
  const at = (p: (string | number)[], target: 'key' | 'value' = 'value') => ({
    file: document.file,
    ...document.locate(p, target),
  });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    result.findings.push({
      ruleId: 'not-a-manifest',
      severity: 'error',
      ...at([]),
      message: `This document is ${Array.isArray(value) ? 'a list' : 'a plain value'}, not a manifest.`,
      hint: `write a mapping with apiVersion: ${API_VERSION}, kind, metadata and spec`,
    });
    return;
  }
  const record = value as Record<string, unknown>;
  // AsyncAPI documents live beside the manifests that point at them; they are read through their offers.
  if ('asyncapi' in record && !('kind' in record)) return;
  const kind = record.kind;
  const name = nameOf(record);
  const label = { ...(typeof kind === 'string' ? { kind } : {}), ...(name ? { name } : {}) };
  const findings: Finding[] = [];
  if (!isManifestKind(kind)) {
    findings.push({
      ruleId: 'unknown-kind',
      severity: 'error',
      ...at(['kind'], kind === undefined ? 'key' : 'value'),
      ...label,
      message:
        kind === undefined
          ? 'This document has no kind.'
          : `kind ${JSON.stringify(kind)} is not a Cello manifest kind${typeof kind === 'string' ? suggestion(kind, MANIFEST_KINDS) || '.' : '.'}`,
      hint: `set kind to one of ${MANIFEST_KINDS.join(', ')}`,
    });
  }
  if (record.apiVersion !== API_VERSION) {
    findings.push({
      ruleId: 'api-version',
      severity: 'error',
      ...at(['apiVersion'], record.apiVersion === undefined ? 'key' : 'value'),
      ...label,
      message:
        record.apiVersion === undefined
          ? 'This document has no apiVersion.'
          : `apiVersion ${JSON.stringify(record.apiVersion)} is not supported.`,
      hint: `write apiVersion: ${API_VERSION}`,
    });
  }
  if (isManifestKind(kind)) {
    for (const problem of schemaProblems(MANIFEST_SCHEMAS[kind], value)) {
      if (problem.path[0] === 'apiVersion' || problem.path[0] === 'kind') continue;
      findings.push({
        ruleId: problem.ruleId,
        severity: 'error',
        ...at(problem.path, problem.target),
        ...label,
        path: formatPath(problem.path),
        message: problem.message,
        hint: problem.hint,
      });
    }
  }
  if (findings.length > 0) {
    result.findings.push(...findings);
    if (isManifestKind(kind) && name) result.invalid.add(`${kind.toLowerCase()}:${name}`);
    return;
  }
  result.manifests.push({ manifest: value as Manifest, source: document });
}

function nameOf(record: Record<string, unknown>): string | undefined {
  const metadata = record.metadata;
  const name = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name ? name : undefined;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) out.push(...(await yamlFiles(full)));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

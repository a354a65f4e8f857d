import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseYamlDocuments, type Finding, type YamlDocumentSource } from '../../manifests/index.js';
import type { ImportLimits } from '../import-limits.js';
import { importFinding } from '../import-rules.js';
import { locationName, readSource, type SourceEntry, type SourceLocation } from '../source-input.js';
import { isRecord } from './catalog-entity.js';

/** Every YAML document read from the inputs and the Location targets they reach, and the problems on the way. */
export interface CatalogRead {
  documents: YamlDocumentSource[];
  findings: Finding[];
  /** Every file or URL read, in the order read. */
  files: string[];
}

/** Where a target was named: the Location document and the path of the target inside it. */
interface Referrer {
  source: YamlDocumentSource;
  path: (string | number)[];
  location: string;
}

/**
 * Reads the inputs and follows `Location` targets depth-first. A target is read once however many Locations name
 * it; a target that leads back to a file being read is a cycle and is refused, as is a target outside the folder
 * the input was given in (or outside its URL folder), a local file's URL target, and a glob.
 */
export async function readCatalog(entries: readonly SourceEntry[], limits: ImportLimits): Promise<CatalogRead> {
  const read: CatalogRead = { documents: [], findings: [], files: [] };
  const visited = new Set<string>();

  const visit = async (location: SourceLocation, root: string, stack: string[], from?: Referrer): Promise<void> => {
    const id = locationName(location);
    if (stack.includes(id)) {
      const chain = [...stack.slice(stack.indexOf(id)), id].map((f) => path.basename(f)).join(' → ');
      read.findings.push(refused(from!, 'location-cycle', `leads back to ${id}, which is being read: ${chain}`));
      return;
    }
    if (visited.has(id)) return;
    if (visited.size >= limits.maxFiles) {
      if (visited.size === limits.maxFiles) {
        read.findings.push(
          importFinding(
            'source-unreadable',
            { file: id },
            `The import stopped following Locations after ${limits.maxFiles} files; ${id} and later targets were not read.`,
            'import the catalog in parts, or point at the folder that holds it',
          ),
        );
        visited.add(id);
      }
      return;
    }
    visited.add(id);
    read.files.push(id);
    const text = await readSource(location, limits);
    if ('problem' in text) {
      read.findings.push(
        from
          ? refused(from, 'source-unreadable', `cannot be read: ${id} ${text.problem}`)
          : importFinding(
              'source-unreadable',
              { file: id },
              `${id} ${text.problem}.`,
              'check the path or URL; large catalogs can be split into files joined by a Location',
            ),
      );
      return;
    }
    const parsed = parseYamlDocuments(id, text.text);
    read.findings.push(...parsed.findings);
    for (const document of parsed.documents) {
      const value = document.value;
      if (!isRecord(value) || value.kind !== 'Location' || !isRecord(value.spec)) {
        read.documents.push(document);
        continue;
      }
      const name = isRecord(value.metadata) ? String(value.metadata.name) : 'location';
      for (const [path, target] of targetsOf(value.spec)) {
        const referrer = { source: document, path, location: name };
        const next = await resolveTarget(target, location, root);
        if ('problem' in next) read.findings.push(refused(referrer, next.rule, next.problem, next.hint));
        else await visit(next.location, root, [...stack, id], referrer);
      }
    }
  };

  for (const entry of entries) {
    await visit(entry.location, entry.root, []);
  }
  return read;
}

function targetsOf(spec: Record<string, unknown>): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  if (typeof spec.target === 'string') out.push([['spec', 'target'], spec.target]);
  if (Array.isArray(spec.targets))
    spec.targets.forEach((t, i) => typeof t === 'string' && out.push([['spec', 'targets', i], t]));
  return out;
}

type Resolution =
  { location: SourceLocation } | { problem: string; rule: 'location-outside' | 'location-unresolved'; hint?: string };

async function resolveTarget(target: string, from: SourceLocation, root: string): Promise<Resolution> {
  if (/[*?[\]{}]/.test(target))
    return {
      rule: 'location-unresolved',
      problem: `is a glob, which the import does not expand`,
      hint: 'pass the folder itself to cello import backstage, or list the files as targets',
    };
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
  if (from.kind === 'url') {
    const url = new URL(target, from.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { rule: 'location-outside', problem: `uses ${url.protocol.slice(0, -1)}:, and only http(s) is read` };
    if (!url.href.startsWith(root))
      return { rule: 'location-outside', problem: `is outside ${root}, the URL folder the import was given` };
    return { location: { kind: 'url', url } };
  }
  if (isUrl)
    return {
      rule: 'location-outside',
      problem: `is a URL, outside the folder the import was given (${root})`,
      hint: `import it on its own if you trust it: cello import backstage ${target} --out <org-folder>`,
    };
  const full = path.resolve(path.dirname(from.path), target);
  const realRoot = await realpath(root).catch(() => root);
  if (!inside(path.resolve(root), full))
    return {
      rule: 'location-outside',
      problem: `resolves to ${full}, outside the folder the import was given (${root})`,
    };
  const real = await realpath(full).catch(() => undefined);
  if (!real)
    return {
      rule: 'location-unresolved',
      problem: `resolves to ${full}, which does not exist`,
      hint: 'remove the target from the Location, or add the file',
    };
  if (!inside(realRoot, real))
    return {
      rule: 'location-outside',
      problem: `is a link to ${real}, outside the folder the import was given (${root})`,
    };
  return { location: { kind: 'file', path: full } };
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function refused(
  from: Referrer,
  rule: 'location-cycle' | 'location-outside' | 'location-unresolved' | 'source-unreadable',
  problem: string,
  hint?: string,
): Finding {
  const target = String(lookup(from.source.value, from.path));
  return importFinding(
    rule,
    { file: from.source.file, ...from.source.locate(from.path) },
    `Target ${JSON.stringify(target)} ${problem}; it was not read.`,
    hint ??
      (rule === 'location-cycle'
        ? 'remove the target that points back; each file needs to be listed once'
        : 'point targets at files inside the folder you import, by relative path'),
    { kind: 'Location', name: from.location },
  );
}

function lookup(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

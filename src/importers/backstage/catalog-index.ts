import type { Finding, YamlDocumentSource } from '../../manifests/index.js';
import { importFinding } from '../import-rules.js';
import { readEntity, type CatalogEntity } from './catalog-entity.js';
import { formatEntityRef, parseEntityRef } from './entity-ref.js';

/** The entities of a catalog, each once, with lookups by reference and by kind. */
export interface CatalogIndex {
  entities: readonly CatalogEntity[];
  get(ref: string): CatalogEntity | undefined;
  /** Entities of a kind (compared case-insensitively), in the order read. */
  ofKind(kind: string): CatalogEntity[];
  /** The entity a field of `from` refers to, with the field's default kind; `undefined` when not in the catalog. */
  resolve(from: CatalogEntity, value: unknown, defaultKind?: string): { ref?: string; entity?: CatalogEntity };
  /** `Group team-a (acme/team-a-group.yaml:1)` style label's location part: the entity's file and line. */
  where(entity: CatalogEntity, path?: (string | number)[]): { file: string; line: number; column: number };
}

/**
 * Reads the entity of every document and indexes them. An entity defined twice (same kind, namespace and name,
 * as Backstage compares them) keeps its first definition; the second is reported where it is.
 */
export function indexCatalog(documents: readonly YamlDocumentSource[]): { index: CatalogIndex; findings: Finding[] } {
  const findings: Finding[] = [];
  const byRef = new Map<string, CatalogEntity>();
  for (const document of documents) {
    const { entity, finding } = readEntity(document);
    if (finding) findings.push(finding);
    if (!entity) continue;
    const first = byRef.get(entity.ref);
    if (first) {
      const at = first.source.locate(['metadata', 'name']);
      findings.push(
        importFinding(
          'entity-duplicate',
          where(entity, ['metadata', 'name']),
          `${entity.kind} "${entity.namespace}/${entity.name}" is defined twice; the first definition, at ${first.source.file}:${at.line}, is imported and this one is ignored.`,
          'keep one of the two definitions (old and new catalog layouts side by side often clash), or rename one',
          { kind: entity.kind, name: entity.name },
        ),
      );
      continue;
    }
    byRef.set(entity.ref, entity);
  }
  const entities = [...byRef.values()];
  const index: CatalogIndex = {
    entities,
    get: (ref) => byRef.get(ref.toLowerCase()),
    ofKind: (kind) => entities.filter((e) => e.kind.toLowerCase() === kind.toLowerCase()),
    resolve(from, value, defaultKind) {
      const parsed = parseEntityRef(value, {
        ...(defaultKind ? { kind: defaultKind } : {}),
        namespace: from.namespace,
      });
      if (!parsed) return {};
      const ref = formatEntityRef(parsed);
      const entity = byRef.get(ref);
      return { ref, ...(entity ? { entity } : {}) };
    },
    where,
  };
  return { index, findings };
}

function where(entity: CatalogEntity, path: (string | number)[] = []) {
  return { file: entity.source.file, ...(path.length ? entity.source.locate(path) : entity.source.start) };
}

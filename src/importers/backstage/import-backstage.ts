import type { Finding } from '../../manifests/index.js';
import { IMPORT_LIMITS, type ImportLimits } from '../import-limits.js';
import type { ImportedManifest, ImportTarget, SourceImport } from '../imported-manifest.js';
import { importedOrganization } from '../imported-organization.js';
import { importFinding } from '../import-rules.js';
import { finishDraft } from '../manifest-draft.js';
import { resolveInputs } from '../source-input.js';
import { indexCatalog, type CatalogIndex } from './catalog-index.js';
import { mapApis } from './map-apis.js';
import { mapDomains } from './map-domains.js';
import { describeEntity, mapGroups } from './map-groups.js';
import { readCatalog } from './read-catalog.js';

/** Kinds that shape the organization; Location is followed while reading. */
const MAPPED_KINDS = ['group', 'user', 'domain', 'system', 'component', 'api', 'location'];
/** Backstage kinds with no Cello equivalent, skipped with one finding per kind. */
const UNMAPPED_KINDS = ['resource', 'template', 'environment'];

/**
 * Reads a Backstage catalog (files, folders, http(s) URLs; Location targets followed) and maps it to manifests:
 * team Groups → Cells, the organization Group → Organization, Domains and Systems → Domains owned by cells,
 * APIs → offers, Components' consumesApis → expectations and draft agreements. Problems never stop the import:
 * each is a finding naming the file, line and entity, and what it left out.
 */
export async function importBackstage(
  inputs: readonly string[],
  target: ImportTarget,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<SourceImport> {
  const entries = await resolveInputs(inputs, target.cwd, ['.yaml', '.yml'], limits);
  const read = await readCatalog(entries, limits);
  const { index, findings: entityFindings } = indexCatalog(read.documents);
  const describe = describeEntity(target.cwd);
  const groups = mapGroups(index, describe);
  const domains = mapDomains(index, groups.teams, groups.cells, describe);
  const apis = mapApis(index, groups.teams, groups.cells, describe);
  const organization =
    groups.organization ??
    importedOrganization({
      name: target.organizationName,
      fallback: true,
      source: 'backstage',
      header:
        'Written by `cello import backstage`: the catalog has no Group of type organization, so everything here is a default.',
    });
  const manifests: ImportedManifest[] = [
    organization,
    ...[...groups.cells.values()].map(finishDraft),
    ...[...domains.domains.values()].map(finishDraft),
    ...apis.agreements,
  ];
  const findings: Finding[] = [
    ...read.findings,
    ...entityFindings,
    ...kindFindings(index),
    ...groups.findings,
    ...domains.findings,
    ...apis.findings,
  ];
  return { source: 'backstage', manifests, files: apis.files, findings };
}

/** One finding per unmapped kind (with how many were skipped), one per entity of an unknown kind. */
function kindFindings(index: CatalogIndex): Finding[] {
  const findings: Finding[] = [];
  for (const kind of UNMAPPED_KINDS) {
    const entities = index.ofKind(kind);
    const [first] = entities;
    if (!first) continue;
    findings.push(
      importFinding(
        'kind-unmapped',
        index.where(first, ['kind']),
        `${entities.length} ${first.kind} entit${entities.length === 1 ? 'y was' : 'ies were'} skipped (${entities
          .slice(0, 5)
          .map((e) => e.name)
          .join(', ')}${entities.length > 5 ? ', …' : ''}): Cello has no ${first.kind} manifest.`,
        `nothing to do; describe what matters about a ${first.kind.toLowerCase()} in the purpose or limits of the cell that owns it`,
        { kind: first.kind, name: first.name },
      ),
    );
  }
  for (const entity of index.entities) {
    const kind = entity.kind.toLowerCase();
    if (MAPPED_KINDS.includes(kind) || UNMAPPED_KINDS.includes(kind)) continue;
    findings.push(
      importFinding(
        'kind-unknown',
        index.where(entity, ['kind']),
        `Kind "${entity.kind}" is not a Backstage kind Cello imports; the entity was skipped.`,
        'nothing to do if it is a custom kind; the kinds imported are Group, User, Domain, System, Component, API and Location',
        { kind: entity.kind, name: entity.name },
      ),
    );
  }
  return findings;
}

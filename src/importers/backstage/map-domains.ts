import type { Finding } from '../../manifests/index.js';
import type { ManifestOf } from '../../model/index.js';
import { celloName } from '../cello-name.js';
import { SOURCE_LABEL } from '../imported-organization.js';
import { importFinding } from '../import-rules.js';
import { appendItem, type ManifestDraft } from '../manifest-draft.js';
import { entityName, type CatalogEntity } from './catalog-entity.js';
import type { CatalogIndex } from './catalog-index.js';
import { clash, type Describe } from './map-groups.js';
import { ownerFinding, resolveOwner, type TeamCells } from './team-cells.js';

/** The domains of a catalog: its Domains, and its Systems as their sub-domains. */
export interface MappedDomains {
  domains: Map<string, ManifestDraft<ManifestOf<'Domain'>>>;
  /** The domain each Domain or System entity became, by entity ref. */
  domainOf: Map<string, string>;
  /** The cell owning each domain, when one does. */
  ownerOf: Map<string, string>;
  findings: Finding[];
}

/**
 * Domains → Domains, Systems → Domains under their domain (`spec.parent`); each is added to the `spec.domains` of
 * the cell its owner resolves to. Components do not become manifests: a component owned by another cell than its
 * system is reported, since in Cello one cell answers for a domain.
 */
export function mapDomains(
  index: CatalogIndex,
  teams: TeamCells,
  cells: ReadonlyMap<string, ManifestDraft<ManifestOf<'Cell'>>>,
  describe: Describe,
): MappedDomains {
  const mapped: MappedDomains = { domains: new Map(), domainOf: new Map(), ownerOf: new Map(), findings: [] };
  const add = (entity: CatalogEntity, name: string, parentField: string) => {
    const description = typeof entity.metadata.description === 'string' ? entity.metadata.description.trim() : '';
    const title = typeof entity.metadata.title === 'string' ? entity.metadata.title.trim() : '';
    const parentValue = entity.spec[parentField];
    const parent = index.resolve(entity, parentValue, 'domain');
    const parentName = parent.ref ? mapped.domainOf.get(parent.ref) : undefined;
    if (parentValue !== undefined && !parentName) {
      mapped.findings.push(
        importFinding(
          'ref-unresolved',
          index.where(entity, ['spec', parentField]),
          `${entity.kind} "${entity.name}" is part of ${parent.ref ?? JSON.stringify(parentValue)}, which was not imported; it was imported as a domain of its own.`,
          'fix the reference, or import the file that defines that domain',
          { kind: entity.kind, name: entity.name },
        ),
      );
    }
    const manifest: ManifestOf<'Domain'> = {
      apiVersion: 'cello/v1',
      kind: 'Domain',
      metadata: {
        name,
        ...(title ? { title: title.slice(0, 200) } : {}),
        labels: { [SOURCE_LABEL]: `backstage ${entity.ref}` },
      },
      spec: {
        purpose:
          description ||
          title ||
          `The purpose was not recorded in Backstage; say what ${entity.kind.toLowerCase()} ${entity.name} covers.`,
        ...(parentName ? { parent: `domain:${parentName}` } : {}),
      },
    };
    const draft: ManifestDraft<ManifestOf<'Domain'>> = {
      file: `domains/${name}.yaml`,
      header: describe(entity),
      manifest,
      notes: [
        { path: ['metadata', 'title'], note: `from ${entity.ref} metadata.title` },
        {
          path: ['spec', 'purpose'],
          note: description ? `from ${entity.ref} metadata.description` : 'not in Backstage: write the purpose',
        },
        { path: ['spec', 'parent'], note: `from ${entity.ref} spec.${parentField}` },
      ],
    };
    mapped.domains.set(name, draft);
    const owner = resolveOwner(entity, index, teams);
    if ('problem' in owner) {
      mapped.findings.push(ownerFinding(entity, index, owner, `domain ${name} was imported without an owner`));
      return;
    }
    if (owner.via) {
      mapped.findings.push(
        importFinding(
          'owner-indirect',
          index.where(entity, ['spec', 'owner']),
          `${entity.kind} "${entity.name}" is owned by ${owner.via}; domain ${name} was given to cell ${owner.cell}.`,
          `check that ${owner.cell} answers for it, and set spec.owner to that team in Backstage`,
          { kind: entity.kind, name: entity.name },
        ),
      );
    }
    const cell = cells.get(owner.cell)!;
    appendItem(cell, ['spec', 'domains'], `domain:${name}`, [
      { path: [], note: `from ${entity.ref} spec.owner${owner.via ? ` (via ${owner.via})` : ''}` },
    ]);
    mapped.ownerOf.set(name, owner.cell);
  };

  // Names first, so a sub-domain finds its parent whatever the order the files were read in.
  const named: [CatalogEntity, string, string][] = [];
  const taken = new Set<string>();
  for (const [kind, parentField] of [
    ['Domain', 'subdomainOf'],
    ['System', 'domain'],
  ] as const) {
    for (const entity of index.ofKind(kind)) {
      const plain = entityName(entity);
      const name = kind === 'System' && taken.has(plain) ? celloName(plain, 'system')! : plain;
      if (taken.has(name)) {
        mapped.findings.push(clash(index, entity, `domain "${name}"`));
        continue;
      }
      taken.add(name);
      mapped.domainOf.set(entity.ref, name);
      named.push([entity, name, parentField]);
    }
  }
  for (const [entity, name, parentField] of named) add(entity, name, parentField);
  for (const component of index.ofKind('Component')) {
    const system = index.resolve(component, component.spec.system, 'system');
    const domain = system.ref ? mapped.domainOf.get(system.ref) : undefined;
    const systemOwner = domain ? mapped.ownerOf.get(domain) : undefined;
    const owner = resolveOwner(component, index, teams);
    if (!systemOwner || 'problem' in owner || owner.cell === systemOwner) continue;
    mapped.findings.push(
      importFinding(
        'ownership-split',
        index.where(component, ['spec', 'owner']),
        `Component "${component.name}" is owned by ${owner.cell}, but its system ${system.ref} (domain ${domain}) by ${systemOwner}; a domain has one owning cell, so the domain stays with ${systemOwner}.`,
        `move the component to a system ${owner.cell} owns, or agree who answers for domain ${domain}`,
        { kind: 'Component', name: component.name },
      ),
    );
  }
  return mapped;
}

import { parse as parseYaml } from 'yaml';
import { validateAsyncApiDocument, type Finding } from '../../manifests/index.js';
import type { ManifestOf, Offer } from '../../model/index.js';
import { draftAgreement } from '../draft-agreement.js';
import type { ImportedFile, ImportedManifest } from '../imported-manifest.js';
import { importFinding } from '../import-rules.js';
import { appendItem, type ManifestDraft } from '../manifest-draft.js';
import { entityName, isRecord, type CatalogEntity } from './catalog-entity.js';
import type { CatalogIndex } from './catalog-index.js';
import { clash, type Describe } from './map-groups.js';
import { ownerFinding, resolveOwner, type TeamCells } from './team-cells.js';

/** What the APIs and the components using them become. */
export interface MappedApis {
  agreements: ImportedManifest[];
  files: ImportedFile[];
  findings: Finding[];
}

/**
 * APIs → offers of the cell that owns them (`api`; an AsyncAPI definition makes an `event` offer pointing at
 * its document). An API whose owner does not resolve goes to the cell of a component that provides it, else it is
 * left out: every offer belongs to a cell. Components' `consumesApis` → expectations of the consuming cell and
 * draft agreements with the providing cell.
 */
export function mapApis(
  index: CatalogIndex,
  teams: TeamCells,
  cells: ReadonlyMap<string, ManifestDraft<ManifestOf<'Cell'>>>,
  describe: Describe,
): MappedApis {
  const mapped: MappedApis = { agreements: [], files: [], findings: [] };
  const offerOf = new Map<string, { cell: string; offer: string }>();
  const providers = new Map<string, CatalogEntity[]>();
  for (const component of index.ofKind('Component')) {
    for (const value of listOf(component.spec.providesApis)) {
      const { ref } = index.resolve(component, value, 'api');
      if (ref) providers.set(ref, [...(providers.get(ref) ?? []), component]);
    }
  }

  for (const api of index.ofKind('API')) {
    const owner = resolveOwner(api, index, teams);
    let cellName = 'cell' in owner ? owner.cell : undefined;
    let via = 'cell' in owner ? owner.via : undefined;
    if (!cellName) {
      for (const component of providers.get(api.ref) ?? []) {
        const providing = resolveOwner(component, index, teams);
        if ('cell' in providing) {
          cellName = providing.cell;
          via = `${component.ref} providesApis`;
          break;
        }
      }
    }
    if ('problem' in owner) {
      const outcome = cellName
        ? `the offer went to ${cellName}, which owns ${via}`
        : 'the API was not imported, since every offer belongs to a cell';
      mapped.findings.push(ownerFinding(api, index, owner, outcome, cellName ? 'warning' : 'error'));
    }
    if (!cellName) continue;
    const cell = cells.get(cellName)!;
    const name = entityName(api);
    if (cell.manifest.spec.offers?.some((o) => o.name === name)) {
      mapped.findings.push(clash(index, api, `offer "${name}" of cell ${cellName}`));
      continue;
    }
    const { offer, notes, file } = apiOffer(api, name, mapped.findings, index);
    if (file) mapped.files.push(file);
    appendItem(cell, ['spec', 'offers'], offer, [
      { path: ['name'], note: `from ${api.ref}${via ? ` (owned via ${via})` : ''}` },
      ...notes,
    ]);
    offerOf.set(api.ref, { cell: cellName, offer: name });
  }

  const agreed = new Set<string>();
  for (const component of index.ofKind('Component')) {
    const owner = resolveOwner(component, index, teams);
    const uses = listOf(component.spec.consumesApis);
    const provides = listOf(component.spec.providesApis);
    if ('problem' in owner) {
      if (uses.length || provides.length)
        mapped.findings.push(ownerFinding(component, index, owner, 'the APIs it provides and consumes do not count'));
      continue;
    }
    provides.forEach((value, i) => {
      const { ref } = index.resolve(component, value, 'api');
      const offer = ref ? offerOf.get(ref) : undefined;
      if (!offer || offer.cell === owner.cell) return;
      mapped.findings.push(
        importFinding(
          'ownership-split',
          index.where(component, ['spec', 'providesApis', i]),
          `Component "${component.name}" of ${owner.cell} provides ${ref}, which ${offer.cell} owns; the offer stays with ${offer.cell}.`,
          'make the API and the component that provides it belong to one team, or agree the split in a review',
          { kind: 'Component', name: component.name },
        ),
      );
    });
    uses.forEach((value, i) => {
      const { ref, entity } = index.resolve(component, value, 'api');
      const offer = ref ? offerOf.get(ref) : undefined;
      if (!offer) {
        const why =
          entity && entity.kind.toLowerCase() !== 'api'
            ? `is a ${entity.kind}, not an API`
            : entity
              ? 'was not imported (see its own finding)'
              : 'is not defined in what was imported';
        mapped.findings.push(
          importFinding(
            'ref-unresolved',
            index.where(component, ['spec', 'consumesApis', i]),
            `Component "${component.name}" consumes ${ref ?? JSON.stringify(value)}, which ${why}; no expectation was written for it.`,
            'name an API entity here (api:name), or import the file that defines it',
            { kind: 'Component', name: component.name },
          ),
        );
        return;
      }
      if (offer.cell === owner.cell) return;
      const consumer = cells.get(owner.cell)!;
      const exists = consumer.manifest.spec.expectations?.some(
        (e) => e.provider === `cell:${offer.cell}` && e.offer === offer.offer,
      );
      if (!exists) {
        const name = uniqueName(offer.offer, consumer.manifest.spec.expectations?.map((e) => e.name) ?? []);
        appendItem(
          consumer,
          ['spec', 'expectations'],
          {
            name,
            description: `Uses ${offer.cell}'s ${offer.offer} API.`,
            provider: `cell:${offer.cell}`,
            offer: offer.offer,
          },
          [{ path: ['provider'], note: `from ${component.ref} consumesApis ${ref}` }],
        );
      }
      const key = `${offer.cell}/${offer.offer}>${owner.cell}`;
      if (agreed.has(key)) return;
      agreed.add(key);
      mapped.agreements.push(
        draftAgreement({
          provider: offer.cell,
          offer: offer.offer,
          consumer: owner.cell,
          source: `backstage ${component.ref} consumesApis`,
          header: describe(component),
        }),
      );
    });
  }
  return mapped;
}

/** The offer an API becomes, the notes on its fields, and for AsyncAPI its document as a file. */
function apiOffer(
  api: CatalogEntity,
  name: string,
  findings: Finding[],
  index: CatalogIndex,
): { offer: Offer; notes: { path: string[]; note: string }[]; file?: ImportedFile } {
  const type = typeof api.spec.type === 'string' ? api.spec.type.toLowerCase() : '';
  const description = typeof api.metadata.description === 'string' ? api.metadata.description.trim() : '';
  const definition = api.spec.definition;
  const remote = isRecord(definition) && typeof definition.$text === 'string' ? definition.$text : undefined;
  const offer: Offer = {
    name,
    type: type === 'asyncapi' ? 'event' : 'api',
    ...(description ? { description } : {}),
    ...(remote && /^https?:\/\//.test(remote) ? { url: remote } : {}),
  };
  const notes = [
    { path: ['type'], note: `from ${api.ref} spec.type ${type || '(none)'}` },
    ...(description ? [{ path: ['description'], note: `from ${api.ref} metadata.description` }] : []),
    ...(offer.url ? [{ path: ['url'], note: `from ${api.ref} spec.definition.$text` }] : []),
  ];
  if (type !== 'asyncapi' || remote !== undefined || definition === undefined) return { offer, notes };
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);
  let document: unknown;
  try {
    document = typeof definition === 'string' ? parseYaml(definition) : definition;
  } catch {
    document = undefined;
  }
  const path = `asyncapi/${name}.yaml`;
  const { version, problems } = validateAsyncApiDocument(document);
  if (problems.length > 0) {
    findings.push(
      importFinding(
        'asyncapi-unsupported',
        index.where(api, ['spec', 'definition']),
        `The AsyncAPI definition of API "${api.name}" cannot be validated (${problems[0]!.jsonPath}: ${problems[0]!.message}); it was saved as ${path} but the offer does not point at it.`,
        `bring it to AsyncAPI 2.6.0 or 3.x (${version ? `it is ${version}` : 'it has no version'}), then add asyncapi: ../${path} to the offer`,
        { kind: 'API', name: api.name },
      ),
    );
    return { offer, notes, file: { path, text } };
  }
  return {
    offer: { ...offer, asyncapi: `../${path}` },
    notes: [...notes, { path: ['asyncapi'], note: `from ${api.ref} spec.definition` }],
    file: { path, text },
  };
}

function uniqueName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${name.slice(0, 60)}-${n}`;
  return candidate;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

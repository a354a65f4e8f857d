import { matchesTypePattern, parseRef, type Manifest, type ManifestOf, type Offer } from '../model/index.js';
import type { YamlDocumentSource } from './yaml-source.js';

/** A manifest with the YAML document it came from. */
export interface LoadedManifest {
  manifest: Manifest;
  source: YamlDocumentSource;
}

/** Where something is: a file and a 1-based line and column (0 when the manifest has no file). */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** An event type as one cell offers it. */
export interface EventOffering {
  cell: string;
  offer: Offer;
  type: string;
  /** JSON Schema of the event's data, when the offer declares one. */
  schema?: Record<string, unknown>;
}

/** The organization resolved from its manifests: lookups the engine, governance and lint share. */
export interface OrgModel {
  readonly manifests: readonly Manifest[];
  /** The organization, when exactly one exists (the first otherwise). */
  readonly organization?: ManifestOf<'Organization'>;
  readonly organizations: readonly ManifestOf<'Organization'>[];
  readonly domains: ReadonlyMap<string, ManifestOf<'Domain'>>;
  readonly cells: ReadonlyMap<string, ManifestOf<'Cell'>>;
  /** Every version of each template, oldest first. */
  readonly templates: ReadonlyMap<string, readonly ManifestOf<'Template'>[]>;
  readonly workflows: ReadonlyMap<string, ManifestOf<'Workflow'>>;
  readonly agreements: readonly ManifestOf<'Agreement'>[];
  readonly guardrails: readonly ManifestOf<'Guardrail'>[];
  readonly decisionRights: readonly ManifestOf<'DecisionRight'>[];
  readonly subscriptions: readonly ManifestOf<'Subscription'>[];
  /** Names of the cells whose `spec.domains` lists the domain. */
  domainOwners(domain: string): string[];
  /** Every cell offering an event type (more than one is a lint error). */
  eventOfferings(type: string): EventOffering[];
  /** The cell that owns an event type: the one that offers it. */
  eventOwner(type: string): string | undefined;
  /** JSON Schema of an event type's data, from its offer. */
  eventSchema(type: string): Record<string, unknown> | undefined;
  /** Every offered event type, sorted. */
  eventTypes(): string[];
  /** Offered event types an exact type or a `prefix.*` pattern matches. */
  matchingEventTypes(pattern: string): string[];
  offersOf(cell: string): readonly Offer[];
  offer(cell: string, name: string): Offer | undefined;
  /** A template by reference (`template:case-handling@2`, or by name and optional version); latest when no version. */
  template(ref: string | { name: string; version?: number }): ManifestOf<'Template'> | undefined;
  /** Agreements where `consumer` uses `provider` (optionally one offer). */
  agreementsBetween(consumer: string, provider: string, offer?: string): ManifestOf<'Agreement'>[];
  decisionRightsFor(tensionType: string): ManifestOf<'DecisionRight'>[];
  /** Where a manifest (or a path inside it) is in its file; the manifest's start when the path is missing. */
  locate(manifest: Manifest, path?: readonly (string | number)[], target?: 'key' | 'value'): Location;
  /** The YAML document a manifest came from, when it came from a file. */
  sourceOf(manifest: Manifest): YamlDocumentSource | undefined;
}

/** Builds the lookups once; manifests may come with their YAML sources (from the loader) or bare (from a store). */
export function buildOrgModel(input: readonly (Manifest | LoadedManifest)[]): OrgModel {
  const sources = new Map<Manifest, YamlDocumentSource>();
  const manifests = input.map((item) => {
    if ('source' in item && 'manifest' in item) {
      sources.set(item.manifest, item.source);
      return item.manifest;
    }
    return item as Manifest;
  });
  const ofKind = <K extends Manifest['kind']>(kind: K) => manifests.filter((m): m is ManifestOf<K> => m.kind === kind);
  const byName = <K extends Manifest['kind']>(kind: K) => {
    const map = new Map<string, ManifestOf<K>>();
    for (const m of ofKind(kind)) if (!map.has(m.metadata.name)) map.set(m.metadata.name, m);
    return map;
  };
  const cells = byName('Cell');
  const templates = new Map<string, ManifestOf<'Template'>[]>();
  for (const t of ofKind('Template')) templates.set(t.metadata.name, [...(templates.get(t.metadata.name) ?? []), t]);
  for (const versions of templates.values()) versions.sort((a, b) => a.spec.version - b.spec.version);

  const owners = new Map<string, string[]>();
  const offerings = new Map<string, EventOffering[]>();
  for (const cell of cells.values()) {
    for (const domain of cell.spec.domains ?? []) {
      const name = domain.slice('domain:'.length);
      owners.set(name, [...(owners.get(name) ?? []), cell.metadata.name]);
    }
    for (const offer of cell.spec.offers ?? []) {
      for (const event of offer.events ?? []) {
        const offering: EventOffering = {
          cell: cell.metadata.name,
          offer,
          type: event.type,
          ...(event.schema ? { schema: event.schema } : {}),
        };
        offerings.set(event.type, [...(offerings.get(event.type) ?? []), offering]);
      }
    }
  }
  const agreements = ofKind('Agreement');
  const decisionRights = ofKind('DecisionRight');
  const organizations = ofKind('Organization');
  const eventTypes = [...offerings.keys()].sort();

  return {
    manifests,
    ...(organizations[0] ? { organization: organizations[0] } : {}),
    organizations,
    domains: byName('Domain'),
    cells,
    templates,
    workflows: byName('Workflow'),
    agreements,
    guardrails: ofKind('Guardrail'),
    decisionRights,
    subscriptions: ofKind('Subscription'),
    domainOwners: (domain) => owners.get(domain) ?? [],
    eventOfferings: (type) => offerings.get(type) ?? [],
    eventOwner: (type) => offerings.get(type)?.[0]?.cell,
    eventSchema: (type) => offerings.get(type)?.find((o) => o.schema)?.schema,
    eventTypes: () => eventTypes,
    matchingEventTypes: (pattern) => eventTypes.filter((type) => matchesTypePattern(type, pattern)),
    offersOf: (cell) => cells.get(cell)?.spec.offers ?? [],
    offer: (cell, name) => cells.get(cell)?.spec.offers?.find((o) => o.name === name),
    template(ref) {
      const target = typeof ref === 'string' ? parseRef(ref, ['template']) : ref;
      const versions = templates.get(target.name) ?? [];
      return target.version === undefined
        ? versions[versions.length - 1]
        : versions.find((t) => t.spec.version === target.version);
    },
    agreementsBetween: (consumer, provider, offer) =>
      agreements.filter(
        (a) =>
          a.spec.consumer === `cell:${consumer}` &&
          a.spec.provider === `cell:${provider}` &&
          (offer === undefined || a.spec.offer === offer),
      ),
    decisionRightsFor: (tensionType) => decisionRights.filter((d) => d.spec.tensionType === tensionType),
    locate(manifest, path = [], target = 'value') {
      const source = sources.get(manifest);
      if (!source) return { file: '', line: 0, column: 0 };
      return { file: source.file, ...(path.length ? source.locate(path, target) : source.start) };
    },
    sourceOf: (manifest) => sources.get(manifest),
  };
}

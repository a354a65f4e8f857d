import type { ValidateFunction } from 'ajv';
import { compileDataSchema } from '../manifests/index.js';
import type { Manifest, ManifestOf } from '../model/index.js';

/** The parts of the applied organization the runtime consults on every event. */
export interface OrgView {
  readonly manifests: readonly Manifest[];
  /** The cell that offers an event type, if any. */
  ownerOfType(type: string): string | undefined;
  /** Event types a cell offers. */
  typesOfferedBy(cell: string): string[];
  /** Problems with an event's data against its offer's schema; empty when valid or no schema is declared. */
  dataProblems(type: string, data: unknown): string[];
  readonly subscriptions: readonly ManifestOf<'Subscription'>[];
  byKind<K extends Manifest['kind']>(kind: K): ManifestOf<K>[];
}

/** Builds the view once per apply; data schemas compile here, not per event. */
export function createOrgView(manifests: readonly Manifest[]): OrgView {
  const owner = new Map<string, string>();
  const validators = new Map<string, ValidateFunction>();
  const offered = new Map<string, string[]>();
  for (const manifest of manifests) {
    if (manifest.kind !== 'Cell') continue;
    const cell = manifest.metadata.name;
    for (const offer of manifest.spec.offers ?? []) {
      for (const event of offer.events ?? []) {
        // The first offer wins; two owners is a lint error the apply already reported.
        if (!owner.has(event.type)) owner.set(event.type, cell);
        offered.set(cell, [...(offered.get(cell) ?? []), event.type]);
        if (event.schema && !validators.has(event.type)) validators.set(event.type, compileDataSchema(event.schema));
      }
    }
  }
  const byKind = <K extends Manifest['kind']>(kind: K) => manifests.filter((m): m is ManifestOf<K> => m.kind === kind);
  return {
    manifests,
    ownerOfType: (type) => owner.get(type),
    typesOfferedBy: (cell) => offered.get(cell) ?? [],
    dataProblems(type, data) {
      const validate = validators.get(type);
      if (!validate || validate(data)) return [];
      return (validate.errors ?? []).map(
        (e) => `data${e.instancePath ? e.instancePath.replaceAll('/', '.') : ''} ${e.message ?? 'is invalid'}`,
      );
    },
    subscriptions: byKind('Subscription'),
    byKind,
  };
}

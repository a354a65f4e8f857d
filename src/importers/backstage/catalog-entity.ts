import type { Finding, YamlDocumentSource } from '../../manifests/index.js';
import { celloName } from '../cello-name.js';
import { importFinding } from '../import-rules.js';
import { formatEntityRef } from './entity-ref.js';

/** One Backstage catalog entity, checked for the envelope every kind shares. */
export interface CatalogEntity {
  /** As written: `Group`. */
  kind: string;
  namespace: string;
  name: string;
  /** `group:default/team-a`. */
  ref: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
  source: YamlDocumentSource;
}

// Backstage's own rules for names and namespaces: it refuses entities that break them.
const NAME = /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/;
const NAMESPACE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DEFINITION_KEYS = ['openapi', 'swagger', 'asyncapi'];

/**
 * The entity in a YAML document, a finding naming its file and line when it is malformed, or neither for a
 * document that is not meant as an entity (an OpenAPI or AsyncAPI definition kept beside the catalog).
 */
export function readEntity(source: YamlDocumentSource): { entity?: CatalogEntity; finding?: Finding } {
  const value = source.value;
  const at = (path: (string | number)[], target: 'key' | 'value' = 'value') => ({
    file: source.file,
    ...source.locate(path, target),
  });
  const malformed = (path: (string | number)[], message: string, hint: string, target?: 'key' | 'value') => ({
    finding: importFinding('entity-malformed', at(path, target), message, hint, {
      ...label(value),
    }),
  });
  if (!isRecord(value))
    return malformed([], 'This document is not a mapping, so it is not a catalog entity.', entityHint);
  if (!('kind' in value) && !('apiVersion' in value) && DEFINITION_KEYS.some((k) => k in value)) return {};
  if (typeof value.apiVersion !== 'string' || !value.apiVersion)
    return malformed(['apiVersion'], 'This entity has no apiVersion.', entityHint, 'key');
  if (typeof value.kind !== 'string' || !value.kind)
    return malformed(['kind'], 'This entity has no kind.', entityHint, 'key');
  const metadata = value.metadata;
  if (!isRecord(metadata))
    return malformed(['metadata'], `This ${value.kind} has no metadata mapping.`, 'add metadata: with a name', 'key');
  const { name, namespace = 'default' } = metadata;
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 63) {
    return malformed(
      ['metadata', 'name'],
      typeof name === 'string'
        ? `${value.kind} name ${JSON.stringify(name)} is not a valid entity name, so Backstage refuses it too.`
        : `This ${value.kind} has no metadata.name.`,
      'use at most 63 letters and digits, separated by single -, _ or . (e.g. invalid-component)',
      typeof name === 'string' ? 'value' : 'key',
    );
  }
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace) || namespace.length > 63) {
    return malformed(
      ['metadata', 'namespace'],
      `Namespace ${JSON.stringify(namespace)} of ${value.kind} "${name}" is not a valid namespace.`,
      'use lower-case letters and digits separated by single dashes, or leave it out for "default"',
    );
  }
  const spec = value.spec ?? {};
  if (!isRecord(spec))
    return malformed(['spec'], `The spec of ${value.kind} "${name}" is not a mapping.`, 'write spec: as a mapping');
  const ref = formatEntityRef({ kind: value.kind, namespace, name });
  return { entity: { kind: value.kind, namespace, name, ref, metadata, spec, source } };
}

const entityHint = 'write an entity as apiVersion: backstage.io/v1alpha1, kind, metadata (name) and spec';

function label(value: unknown): { kind?: string; name?: string } {
  if (!isRecord(value)) return {};
  const name = isRecord(value.metadata) ? value.metadata.name : undefined;
  return {
    ...(typeof value.kind === 'string' ? { kind: value.kind } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}

/** A plain mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Cello name of an entity: its name, prefixed by its namespace unless that is `default`. */
export function entityName(entity: CatalogEntity): string {
  return celloName(...(entity.namespace === 'default' ? [] : [entity.namespace]), entity.name)!;
}

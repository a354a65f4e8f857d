import { API_VERSION, MANIFEST_KINDS, MANIFEST_SCHEMAS, type ManifestKind } from '../model/index.js';

/** The file that validates every kind; point editors at it. */
export const ALL_KINDS_SCHEMA_FILE = 'cello.json';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** `DecisionRight` → `decision-right.json`. */
export function schemaFileOf(kind: ManifestKind): string {
  return `${kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.json`;
}

/**
 * One JSON Schema (draft-07) per kind, plus one for all kinds that picks the kind's schema by `kind`:
 * the form yaml-language-server reads from a `# yaml-language-server: $schema=...` comment.
 */
export function buildJsonSchemas(): { file: string; schema: Record<string, unknown> }[] {
  const plain = (kind: ManifestKind) => JSON.parse(JSON.stringify(MANIFEST_SCHEMAS[kind])) as Record<string, unknown>;
  const perKind = MANIFEST_KINDS.map((kind) => ({
    file: schemaFileOf(kind),
    schema: { $schema: DRAFT_07, ...plain(kind) },
  }));
  const definitions = Object.fromEntries(
    MANIFEST_KINDS.map((kind) => {
      const { $id: _id, ...schema } = plain(kind);
      return [kind, schema];
    }),
  );
  const all = {
    $schema: DRAFT_07,
    $id: `https://cello.dev/schemas/v1/${ALL_KINDS_SCHEMA_FILE}`,
    title: 'Cello manifest',
    description: `Any Cello manifest (apiVersion ${API_VERSION}); the kind field selects its schema.`,
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: API_VERSION },
      kind: { enum: [...MANIFEST_KINDS] },
    },
    allOf: MANIFEST_KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions,
  };
  return [...perKind, { file: ALL_KINDS_SCHEMA_FILE, schema: all }];
}

/** The exact text `cello schema` writes for a schema. */
export function schemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

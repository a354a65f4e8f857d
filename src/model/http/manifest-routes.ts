/** The applied organization over HTTP, readable by every token: global visibility. Changes go through `cello apply`. */
import { Type, type Static } from '@sinclair/typebox';
import { MANIFEST_KINDS, type Manifest } from '../manifests/index.js';
import { ErrorResponse } from './error-response.js';
import { defineRoute } from './route-definition.js';

const Kind = Type.Union(MANIFEST_KINDS.map((k) => Type.Literal(k)));
const Applied = {
  version: Type.Integer({ description: 'the applied version, counted per manifest from 1' }),
  appliedAt: Type.String(),
};

/**
 * A manifest as the server holds it, sent as is: its kind's schema (`cello schema <kind>`) checked it when it was
 * applied, so the wire schema lists the envelope and lets the spec through whole.
 */
export function manifestSchema<T extends Manifest = Manifest>(extra: Record<string, object> = {}) {
  return Type.Unsafe<T>(
    Type.Object(
      {
        apiVersion: Type.Literal('cello/v1'),
        kind: Kind,
        metadata: Type.Object({ name: Type.String() }, { additionalProperties: true }),
        spec: Type.Object({}, { additionalProperties: true }),
        ...extra,
      },
      { additionalProperties: true },
    ),
  );
}

/** A current manifest with its version. */
export const AppliedManifest = manifestSchema<Manifest & { version: number; appliedAt: string }>(Applied);
export type AppliedManifest = Static<typeof AppliedManifest>;

/** One version of a manifest; `manifest` is null for the version that removed it. */
export const ManifestVersion = Type.Object({
  ...Applied,
  removed: Type.Boolean(),
  hash: Type.String(),
  manifest: Type.Union([manifestSchema(), Type.Null()]),
});
export type ManifestVersion = Static<typeof ManifestVersion>;

const tags = ['organization'];
const KindAndName = Type.Object({ kind: Kind, name: Type.String() });

export const MANIFEST_ROUTES = {
  list: defineRoute({
    method: 'GET',
    url: '/v1/manifests',
    summary: 'Current manifests',
    tags,
    querystring: Type.Object({ kind: Type.Optional(Kind) }),
    response: { 200: Type.Object({ manifests: Type.Array(AppliedManifest) }) },
  }),
  get: defineRoute({
    method: 'GET',
    url: '/v1/manifests/:kind/:name',
    summary: 'One current manifest',
    tags,
    params: KindAndName,
    response: { 200: AppliedManifest, 404: ErrorResponse },
  }),
  history: defineRoute({
    method: 'GET',
    url: '/v1/manifests/:kind/:name/history',
    summary: 'Every version of a manifest',
    tags,
    params: KindAndName,
    response: { 200: Type.Object({ versions: Type.Array(ManifestVersion) }), 404: ErrorResponse },
  }),
};

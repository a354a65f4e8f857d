import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../engine/index.js';
import { MANIFEST_KINDS, type ManifestKind } from '../../model/index.js';
import { NotFoundError } from '../../shared/index.js';
import { ErrorResponse } from '../error-schema.js';

const Kind = Type.Union(MANIFEST_KINDS.map((k) => Type.Literal(k)));

/** The applied organization, readable by every token: global visibility. Changes go through `cello apply`. */
export async function manifestRoutes(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { store } = options.runtime;

  app.get(
    '/v1/manifests',
    {
      schema: {
        summary: 'Current manifests',
        tags: ['organization'],
        querystring: Type.Object({ kind: Type.Optional(Kind) }),
      },
    },
    async (request) => {
      const { kind } = request.query as { kind?: ManifestKind };
      const versions = await store.manifests.current(kind);
      return { manifests: versions.map((v) => ({ ...v.manifest, version: v.version, appliedAt: v.appliedAt })) };
    },
  );

  app.get(
    '/v1/manifests/:kind/:name',
    {
      schema: {
        summary: 'One current manifest',
        tags: ['organization'],
        params: Type.Object({ kind: Kind, name: Type.String() }),
        response: { 404: ErrorResponse },
      },
    },
    async (request) => {
      const { kind, name } = request.params as { kind: ManifestKind; name: string };
      const current = await store.manifests.get(kind, name);
      if (!current || current.removed)
        throw new NotFoundError(`There is no ${kind} "${name}" in the applied organization.`, { field: 'name' });
      return { ...current.manifest, version: current.version, appliedAt: current.appliedAt };
    },
  );

  app.get(
    '/v1/manifests/:kind/:name/history',
    {
      schema: {
        summary: 'Every version of a manifest',
        tags: ['organization'],
        params: Type.Object({ kind: Kind, name: Type.String() }),
        response: { 404: ErrorResponse },
      },
    },
    async (request) => {
      const { kind, name } = request.params as { kind: ManifestKind; name: string };
      const versions = await store.manifests.history(kind, name);
      if (versions.length === 0) throw new NotFoundError(`${kind} "${name}" was never applied.`, { field: 'name' });
      return {
        versions: versions.map((v) => ({
          version: v.version,
          appliedAt: v.appliedAt,
          removed: v.removed,
          hash: v.hash,
          manifest: v.removed ? null : v.manifest,
        })),
      };
    },
  );
}

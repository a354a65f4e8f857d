import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../engine/index.js';
import { MANIFEST_ROUTES } from '../../model/index.js';
import { NotFoundError } from '../../shared/index.js';
import { serveRoute } from '../serve-route.js';

/** The applied organization, readable by every token: global visibility. Changes go through `cello apply`. */
export async function manifestRoutes(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { store } = options.runtime;

  serveRoute(app, MANIFEST_ROUTES.list, async (request) => {
    const versions = await store.manifests.current(request.query.kind);
    return { manifests: versions.map((v) => ({ ...v.manifest, version: v.version, appliedAt: v.appliedAt })) };
  });

  serveRoute(app, MANIFEST_ROUTES.get, async (request) => {
    const { kind, name } = request.params;
    const current = await store.manifests.get(kind, name);
    if (!current || current.removed)
      throw new NotFoundError(`There is no ${kind} "${name}" in the applied organization.`, { field: 'name' });
    return { ...current.manifest, version: current.version, appliedAt: current.appliedAt };
  });

  serveRoute(app, MANIFEST_ROUTES.history, async (request) => {
    const { kind, name } = request.params;
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
  });
}

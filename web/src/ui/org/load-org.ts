import { callRoute } from '../../../../src/client/isomorphic.js';
import { MANIFEST_ROUTES } from '../../../../src/model/http/index.js';
import type { ManifestKind, ManifestOf } from '../../../../src/model/index.js';
import type { Api } from '../../api/api.js';

/** A manifest as the API returns it: the manifest plus its applied version. */
export type Applied<K extends ManifestKind> = ManifestOf<K> & { version: number; appliedAt: string };

/** The parts of the applied organization the dashboard draws. */
export interface OrgSnapshot {
  organization: Applied<'Organization'> | undefined;
  domains: Applied<'Domain'>[];
  cells: Applied<'Cell'>[];
  agreements: Applied<'Agreement'>[];
  subscriptions: Applied<'Subscription'>[];
  workflows: Applied<'Workflow'>[];
  decisionRights: Applied<'DecisionRight'>[];
}

const FRESH_MS = 30_000;
const cache = new Map<string, { at: number; promise: Promise<OrgSnapshot> }>();

async function kind<K extends ManifestKind>(api: Api, k: K, signal?: AbortSignal): Promise<Applied<K>[]> {
  const body = await callRoute(api, MANIFEST_ROUTES.list, { query: { kind: k } }, signal ? { signal } : {});
  return body.manifests.filter((m): m is Applied<K> => m.kind === k);
}

/**
 * Reads the organization, one request per kind in parallel, and keeps it for half a minute so moving
 * between the map and cell pages does not refetch it. `fresh` skips the cache.
 */
export function loadOrg(api: Api, options: { fresh?: boolean } = {}): Promise<OrgSnapshot> {
  const cached = cache.get(api.token);
  if (cached && !options.fresh && Date.now() - cached.at < FRESH_MS) return cached.promise;
  const promise = Promise.all([
    kind(api, 'Organization'),
    kind(api, 'Domain'),
    kind(api, 'Cell'),
    kind(api, 'Agreement'),
    kind(api, 'Subscription'),
    kind(api, 'Workflow'),
    kind(api, 'DecisionRight'),
  ]).then(([organizations, domains, cells, agreements, subscriptions, workflows, decisionRights]) => ({
    organization: organizations[0],
    domains,
    cells,
    agreements,
    subscriptions,
    workflows,
    decisionRights,
  }));
  cache.set(api.token, { at: Date.now(), promise });
  promise.catch(() => cache.delete(api.token));
  return promise;
}

/** Drops the kept organization, after something changed it (a decision that versioned an agreement). */
export function forgetOrg(): void {
  cache.clear();
}

/** `cell:risk` → `risk`; anything without a prefix is returned as is. */
export function refName(ref: string): string {
  const colon = ref.indexOf(':');
  const name = colon >= 0 ? ref.slice(colon + 1) : ref;
  const at = name.indexOf('@');
  return at >= 0 ? name.slice(0, at) : name;
}

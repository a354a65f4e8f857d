import { callRoute } from '../../../src/client/isomorphic.js';
import { MANIFEST_ROUTES, WHOAMI_ROUTE } from '../../../src/model/http/index.js';
import type { Principal } from '../../../src/model/index.js';
import type { Api } from './api.js';
import type { Capabilities } from './capabilities.js';

/** Who the signed-in token is, as far as the server says. */
export interface Identity {
  /** `admin`, `cell`, or `unknown` when the server has no way to say whose token it is. */
  kind: 'admin' | 'cell' | 'system' | 'unknown';
  /** A short phrase for the header: "admin", "cell:risk", "ana of cell:risk". */
  label: string;
  cell?: string;
  member?: string;
}

/** Describes a principal the way the header shows it. */
export function identityOf(principal: Principal): Identity {
  switch (principal.kind) {
    case 'admin':
      return { kind: 'admin', label: 'admin' };
    case 'cell':
      return {
        kind: 'cell',
        label: principal.member ? `${principal.member} of cell:${principal.cell}` : `cell:${principal.cell}`,
        cell: principal.cell,
        ...(principal.member ? { member: principal.member } : {}),
      };
    case 'system':
      return { kind: 'system', label: `Cello (${principal.component})` };
  }
}

/**
 * Checks a token and finds out whose it is: whoami where the server has it; otherwise reading the organization
 * proves the token is accepted without saying whose it is. Throws the server's AuthenticationError when it is refused.
 */
export async function identify(api: Api, capabilities: Capabilities): Promise<Identity> {
  if (capabilities.has(WHOAMI_ROUTE)) return identityOf((await callRoute(api, WHOAMI_ROUTE)).principal);
  await callRoute(api, MANIFEST_ROUTES.list, { query: { kind: 'Organization' } });
  return { kind: 'unknown', label: 'token accepted' };
}

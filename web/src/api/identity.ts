import type { Principal } from '../../../src/model/index.js';
import type { ApiClient } from './api-client.js';
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
 * Checks a token and finds out whose it is: `GET /v1/whoami` where the server has it; otherwise a
 * 200 on `/v1/manifests` proves the token is accepted without saying whose it is.
 * Throws the server's ApiError (401) when the token is refused.
 */
export async function identify(api: ApiClient, capabilities: Capabilities): Promise<Identity> {
  if (capabilities.has('GET', '/v1/whoami')) {
    const body = await api.get<{ principal?: Principal } & Partial<Principal>>('/v1/whoami');
    const principal = body.principal ?? (body as Principal);
    if (principal && typeof principal.kind === 'string') return identityOf(principal);
  }
  await api.get('/v1/manifests', { kind: 'Organization' });
  return { kind: 'unknown', label: 'token accepted' };
}

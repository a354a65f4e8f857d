import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../engine/index.js';
import type { Principal } from '../model/index.js';
import { AuthenticationError, NotAllowedError } from '../shared/index.js';
import type { TokenStore } from '../store/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** How long a resolved token is trusted before the store is asked again (a revocation takes effect within this). */
const CACHE_MS = 5_000;

/** A preHandler that turns `Authorization: Bearer <token>` into `request.principal`, or refuses with 401. */
export function createAuthHook(tokens: TokenStore, options: { adminTokenHash?: string }) {
  const cache = new Map<string, { principal: Principal; until: number }>();
  return async function authHook(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    let token: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) {
        throw new AuthenticationError('The Authorization header must be "Bearer <token>".', {
          field: 'authorization',
          rule: 'token-format',
        });
      }
      token = match[1];
    } else {
      // EventSource cannot set headers: the stream endpoint also takes ?access_token=.
      token = accessTokenOf(request.query);
    }
    const cached = token ? cache.get(token) : undefined;
    if (cached && cached.until > Date.now()) {
      request.principal = cached.principal;
      return;
    }
    const principal = await authenticate(tokens, token, options);
    if (cache.size > 10_000) cache.clear();
    cache.set(token!, { principal, until: Date.now() + CACHE_MS });
    request.principal = principal;
  };
}

/** `?access_token=` of a query, before any route's schema has read it. */
function accessTokenOf(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null || !('access_token' in query)) return undefined;
  return typeof query.access_token === 'string' ? query.access_token : undefined;
}

/** Refuses unless the caller holds the admin token. */
export function requireAdmin(request: FastifyRequest, action: string): void {
  if (request.principal.kind !== 'admin' && request.principal.kind !== 'system') {
    throw new NotAllowedError(`Only the admin token may ${action}.`, { rule: 'admin-only' });
  }
}

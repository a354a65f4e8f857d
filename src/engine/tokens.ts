import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../model/index.js';
import { AuthenticationError, newId, newSecret, type Clock } from '../shared/index.js';
import type { TokenRecord, TokenStore } from '../store/index.js';

const TOKEN_PREFIX = 'cello_';

/** Tokens are stored as SHA-256 hashes: they are long random secrets, so a slow hash adds nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token; the plaintext is returned once and never stored. */
export async function createToken(
  tokens: TokenStore,
  options: { cell?: string; member?: string; admin?: boolean; label?: string },
): Promise<{ token: string; record: TokenRecord }> {
  const token = `${TOKEN_PREFIX}${newSecret(32)}`;
  const record = await tokens.create({
    id: newId(),
    hash: hashToken(token),
    admin: options.admin === true,
    ...(options.cell ? { cell: options.cell } : {}),
    ...(options.member ? { member: options.member } : {}),
    ...(options.label ? { label: options.label } : {}),
  });
  return { token, record };
}

/** Resolves a bearer token to who is acting, or says why it cannot. */
export async function authenticate(
  tokens: TokenStore,
  token: string | undefined,
  options: { adminTokenHash?: string; clock?: Clock } = {},
): Promise<Principal> {
  if (!token) {
    throw new AuthenticationError(
      'This endpoint needs a token: send "Authorization: Bearer <token>" (create one with `cello token create --cell <name>`).',
      {
        rule: 'token-required',
      },
    );
  }
  const hash = hashToken(token);
  if (options.adminTokenHash && safeEqual(hash, options.adminTokenHash)) return { kind: 'admin' };
  const record = await tokens.findByHash(hash);
  if (!record) {
    throw new AuthenticationError(
      'The token is not known to this server; check CELLO_TOKEN, or create one with `cello token create`.',
      {
        rule: 'token-unknown',
      },
    );
  }
  if (record.revokedAt) {
    throw new AuthenticationError(
      `The token ${record.id} was revoked at ${record.revokedAt}; create a new one with \`cello token create\`.`,
      {
        rule: 'token-revoked',
      },
    );
  }
  if (record.admin) return { kind: 'admin', tokenId: record.id };
  return { kind: 'cell', cell: record.cell!, tokenId: record.id, ...(record.member ? { member: record.member } : {}) };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
